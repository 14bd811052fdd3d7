package org.unstuck.domain.audit;

import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.CaseId;

/**
 * One entry of the audit trail. It names what was done, never clinical content: the subject is an
 * identifier such as "note 12", and the reason is the stated reason of a break-glass access, or a detail
 * of what was done, such as an imported file's size and checksum.
 *
 * @param action what was done, such as {@code case.read} or {@code session.record}
 */
public record AuditEvent(Instant occurredAt, String actor, String action, @Nullable CaseId caseId,
        @Nullable String subject, Outcome outcome, @Nullable String reason) {

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9.-]{1,63}");

    public enum Outcome {
        ALLOWED,
        REFUSED,
        /** Access outside one's own scope, granted with a stated reason and flagged. */
        BREAK_GLASS
    }

    public AuditEvent {
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("An audit action is lower-case words joined by dots; got '" + action + "'");
        }
        actor = printable(actor, 64);
        subject = subject == null ? null : printable(subject, 120);
        reason = reason == null ? null : printable(reason, 300);
        if (outcome == Outcome.BREAK_GLASS && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("A break-glass access states its reason");
        }
    }

    /** Control characters (CR, LF, …) become spaces so no entry can pose as two. */
    private static String printable(String text, int max) {
        var cleaned = text.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
    }
}
