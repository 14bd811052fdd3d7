package org.unstuck.domain.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.unstuck.domain.caseload.CaseId;

/** The append-only audit trail; every entry is chained to the one before by its hash. */
public interface AuditTrail {

    void record(AuditEvent event);

    /** The reason of the actor's latest break-glass access to the case since the given time, if any. */
    Optional<String> breakGlassReason(String actor, CaseId caseId, Instant since);

    /** The entries about a case, oldest first. */
    List<AuditEvent> aboutCase(CaseId caseId);

    /**
     * Re-computes every hash and link, compares the entries named by heads exported earlier, and
     * reports the first entry that does not match.
     */
    ChainVerification verify(Collection<ChainVerification.ChainHead> exportedHeads);

    default ChainVerification verify() {
        return verify(List.of());
    }
}
