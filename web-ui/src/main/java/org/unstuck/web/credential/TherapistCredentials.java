package org.unstuck.web.credential;

import java.util.List;
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialPolicy;
import org.unstuck.domain.credential.TherapistCompliance;

/**
 * One therapist's credential page: every credential on file (renewals included, so the history
 * shows), CPD entries, the compliance they add up to, and what the viewer may do.
 */
public record TherapistCredentials(String username, String displayName, List<Credential> credentials, List<CpdEntry> cpd,
        TherapistCompliance compliance, CredentialPolicy policy, boolean mayManage, boolean mayAddCpd) {
}
