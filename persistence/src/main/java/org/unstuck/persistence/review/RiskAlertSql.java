package org.unstuck.persistence.review;

/**
 * When a risk alert is open, in SQL over an alert aliased {@code a}: no decision has answered it and
 * its session stands. The session is read through a scalar subquery, one index lookup per alert, so
 * the plan stays cheap however large the sessions grow before the planner has seen them.
 */
public final class RiskAlertSql {

    public static final String OPEN = """
            NOT EXISTS (SELECT 1 FROM risk_alert_answer answer WHERE answer.alert_id = a.id)
            AND (SELECT alerted.voided_at IS NULL FROM therapy_session alerted WHERE alerted.id = a.session_id)""";

    private RiskAlertSql() {
    }
}
