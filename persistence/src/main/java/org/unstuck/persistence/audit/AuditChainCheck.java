package org.unstuck.persistence.audit;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.audit.ChainVerification;

/**
 * One stored check of the audit chain.
 *
 * @param requestedBy the admin who asked for it; none for the nightly check
 */
public record AuditChainCheck(Instant checkedAt, @Nullable String requestedBy, ChainVerification verification) {

    public Optional<ChainVerification.Break> firstBreak() {
        return verification.firstBreak();
    }
}
