package org.unstuck.domain.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.unstuck.domain.measure.MeasureCode;

/**
 * A critical item endorsed at a session, raised when the session's scores were recorded and open
 * until a decision reviews or escalates the risk.
 *
 * @param label the item's short label, as the measure's risk rule gives it
 */
public record RiskAlert(MeasureCode measure, int item, String label, int score, LocalDate sessionDate, Instant raisedAt) {

    /** How long an alert may wait for its review before it shows as overdue. */
    public static final Duration ANSWER_WITHIN = Duration.ofHours(24);

    public boolean isOverdue(Instant now) {
        return isOverdue(raisedAt, now);
    }

    /** Whether an alert raised then has waited longer than its review may. */
    public static boolean isOverdue(Instant raisedAt, Instant now) {
        return raisedAt.plus(ANSWER_WITHIN).isBefore(now);
    }
}
