package org.unstuck.persistence.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.measure.MeasureCode;
import org.unstuck.domain.progress.RiskAlert;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.RiskAlerts;

/**
 * Risk alerts raised in one statement for any number of cases, so that an import raises them as a
 * single session does. The rule is the measure's own, as the measure table holds it.
 */
@Repository
@Transactional(readOnly = true)
class JdbcRiskAlerts implements RiskAlerts {

    private static final String OPEN = "FROM risk_alert a WHERE " + RiskAlertSql.OPEN + " ";

    private final JdbcClient jdbc;

    JdbcRiskAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public Map<CaseId, Raised> raiseFromScores(List<CaseId> cases, Instant at) {
        var raised = new LinkedHashMap<CaseId, Raised>();
        if (cases.isEmpty()) {
            return raised;
        }
        jdbc.sql("""
                WITH raised AS (
                    INSERT INTO risk_alert (case_id, session_id, measure_code, item, score, raised_at)
                    SELECT s.case_id, s.id, sc.measure_code, m.risk_item, sc.items[m.risk_item], :at
                    FROM therapy_session s JOIN session_score sc ON sc.session_id = s.id JOIN measure m ON m.code = sc.measure_code
                    WHERE s.case_id = ANY(:cases) AND s.voided_at IS NULL AND sc.items IS NOT NULL AND m.risk_item IS NOT NULL
                      AND sc.items[m.risk_item] >= m.risk_at_least
                    ON CONFLICT ON CONSTRAINT risk_alert_once_per_score DO NOTHING
                    RETURNING case_id, session_id)
                SELECT r.case_id, count(*) AS alerts, max(s.session_date) AS latest FROM raised r JOIN therapy_session s ON s.id = r.session_id
                GROUP BY r.case_id ORDER BY r.case_id""")
                .param("cases", cases.stream().map(CaseId::value).toArray(Long[]::new))
                .param("at", Timestamp.from(at))
                .query(row -> {
                    raised.put(new CaseId(row.getLong("case_id")),
                            new Raised(row.getInt("alerts"), row.getObject("latest", LocalDate.class)));
                });
        return raised;
    }

    @Override
    public Map<CaseId, List<RiskAlert>> openOn(List<CaseId> cases) {
        var open = new LinkedHashMap<CaseId, List<RiskAlert>>();
        if (cases.isEmpty()) {
            return open;
        }
        jdbc.sql("""
                        SELECT a.case_id, a.measure_code, a.item, a.score, a.raised_at,
                               (SELECT m.risk_label FROM measure m WHERE m.code = a.measure_code) AS risk_label,
                               (SELECT s.session_date FROM therapy_session s WHERE s.id = a.session_id) AS session_date
                        """ + OPEN + "AND a.case_id = ANY(:cases) ORDER BY a.case_id, session_date, a.id")
                .param("cases", cases.stream().map(CaseId::value).toArray(Long[]::new))
                .query(row -> {
                    open.computeIfAbsent(new CaseId(row.getLong("case_id")), id -> new ArrayList<>()).add(new RiskAlert(
                            new MeasureCode(row.getString("measure_code")), row.getInt("item"), row.getString("risk_label"),
                            row.getInt("score"), row.getObject("session_date", LocalDate.class),
                            row.getTimestamp("raised_at").toInstant()));
                });
        return open;
    }

    @Override
    @Transactional
    public int answerWith(DecisionId decision, Instant at) {
        return jdbc.sql("INSERT INTO risk_alert_answer (alert_id, decision_id, answered_at) SELECT a.id, :decision, :at "
                        + OPEN + "AND a.case_id = (SELECT case_id FROM decision WHERE id = :decision)")
                .param("decision", decision.value())
                .param("at", Timestamp.from(at))
                .update();
    }
}
