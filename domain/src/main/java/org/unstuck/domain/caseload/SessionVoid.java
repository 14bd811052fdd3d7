package org.unstuck.domain.caseload;

import java.time.Instant;
import org.unstuck.domain.practice.UserId;

/**
 * Why and by whom a wrongly entered session was voided. A voided session stays in the case's
 * history, shown with this reason, and counts for nothing: no score, rule, chart or count uses it.
 */
public record SessionVoid(UserId by, Instant at, String reason) {

    public static final int REASON_MAX = 300;

    public SessionVoid {
        reason = reason.strip();
        if (reason.isEmpty() || reason.length() > REASON_MAX) {
            throw new IllegalArgumentException("Say in 1 to " + REASON_MAX + " characters why the session is voided");
        }
    }
}
