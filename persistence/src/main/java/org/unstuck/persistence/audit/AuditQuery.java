package org.unstuck.persistence.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which audit entries to list; every part left null lets all through.
 *
 * @param actor the username of who acted
 * @param clientCode the client whose cases the entries are about, matched whatever its case
 * @param caseId one case the entries are about
 * @param from the first instant listed
 * @param until the first instant no longer listed
 */
public record AuditQuery(@Nullable String actor, @Nullable String clientCode, @Nullable Long caseId,
        @Nullable String action, @Nullable Instant from, @Nullable Instant until) {

    public static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    public static AuditQuery aboutCase(long caseId) {
        return new AuditQuery(null, null, caseId, null, null, null);
    }
}
