package org.unstuck.domain.audit;

import java.util.List;
import org.unstuck.domain.caseload.CaseId;

/** The append-only audit trail; every entry is chained to the one before by its hash. */
public interface AuditTrail {

    void record(AuditEvent event);

    /** The entries about a case, oldest first. */
    List<AuditEvent> aboutCase(CaseId caseId);

    /** Re-computes every hash and link, and reports the first entry that does not match. */
    ChainVerification verify();
}
