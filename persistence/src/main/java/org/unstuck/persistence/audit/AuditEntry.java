package org.unstuck.persistence.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.audit.AuditEvent.Outcome;

/**
 * One audit entry as a list shows it: who, what, when and on which client's case, never its subject
 * or detail, which may name clinical facts such as a session's date or a stated emergency.
 *
 * @param actorName the display name of the account, when the actor is one
 */
public record AuditEntry(long sequence, Instant occurredAt, String actor, @Nullable String actorName, String action,
        @Nullable Long caseId, @Nullable String clientCode, Outcome outcome) {
}
