package org.unstuck.persistence.board;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.DecisionOutcome;
import org.unstuck.domain.review.WhatWorks;

/**
 * What the assessment history says around decisions, and how often flagged cases become less
 * severe without regard to any decision: the figures follow-ups and what works are judged on.
 */
@Repository
@Transactional(readOnly = true)
public class DecisionCourses {

    /** Severity as {@link CaseStatus#severityRank()} orders it: insufficient data counts as on track. */
    private static final String RANK = """
            CASE %s WHEN 'RISK' THEN 4 WHEN 'DETERIORATING' THEN 3 WHEN 'STALLED' THEN 2 WHEN 'WATCH' THEN 1 ELSE 0 END""";

    private final JdbcClient jdbc;

    DecisionCourses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For each decision: the status in force on its follow-up date, the latest primary score on or
     * before that date, the status in force today and the day its run began, and the first day on or
     * after the decision that the case was less severe than when decided; in one statement.
     */
    public Map<DecisionId, DecisionOutcome.Course> of(Collection<DecisionId> decisions, LocalDate today) {
        if (decisions.isEmpty()) {
            return Map.of();
        }
        var courses = new HashMap<DecisionId, DecisionOutcome.Course>();
        jdbc.sql("""
                SELECT d.id, at_follow_up.status AS status_at_follow_up, score.score AS primary_at_follow_up,
                       held.status AS status_now, run.since, better.first_day
                FROM decision d
                JOIN therapy_case c ON c.id = d.case_id
                LEFT JOIN LATERAL (SELECT a.status FROM case_assessment a
                                   WHERE a.case_id = d.case_id AND a.effective_on <= d.follow_up_on
                                   ORDER BY a.effective_on DESC, a.id DESC LIMIT 1) at_follow_up ON TRUE
                LEFT JOIN LATERAL (SELECT sc.score FROM therapy_session s
                                   JOIN session_score sc ON sc.session_id = s.id AND sc.measure_code = c.primary_measure
                                   WHERE s.case_id = d.case_id AND s.attendance = 'ATTENDED' AND s.voided_at IS NULL
                                     AND s.session_date <= d.follow_up_on
                                   ORDER BY s.session_date DESC, s.id DESC LIMIT 1) score ON TRUE
                LEFT JOIN LATERAL (SELECT a.status FROM case_assessment a
                                   WHERE a.case_id = d.case_id AND a.effective_on <= :today
                                   ORDER BY a.effective_on DESC, a.id DESC LIMIT 1) held ON TRUE
                LEFT JOIN LATERAL (SELECT a.effective_on, a.id FROM case_assessment a
                                   WHERE a.case_id = d.case_id AND a.effective_on <= :today AND a.status <> held.status
                                   ORDER BY a.effective_on DESC, a.id DESC LIMIT 1) other ON TRUE
                LEFT JOIN LATERAL (SELECT min(a.effective_on) AS since FROM case_assessment a
                                   WHERE a.case_id = d.case_id AND a.effective_on <= :today
                                     AND (other.id IS NULL OR (a.effective_on, a.id) > (other.effective_on, other.id))) run ON TRUE
                LEFT JOIN LATERAL (SELECT min(a.effective_on) AS first_day FROM case_assessment a
                                   WHERE a.case_id = d.case_id AND a.effective_on >= d.decided_on AND a.effective_on <= :today
                                     AND %s < %s) better ON TRUE
                WHERE d.id IN (:ids)""".formatted(RANK.formatted("a.status"), RANK.formatted("d.status_at_decision")))
                .param("ids", decisions.stream().map(DecisionId::value).toList())
                .param("today", today)
                .query((row, number) -> courses.put(new DecisionId(row.getLong("id")), course(row)))
                .list();
        return courses;
    }

    private static DecisionOutcome.Course course(ResultSet row) throws SQLException {
        var atFollowUp = row.getString("status_at_follow_up");
        var now = row.getString("status_now");
        var score = row.getBigDecimal("primary_at_follow_up");
        return new DecisionOutcome.Course(atFollowUp == null ? null : CaseStatus.valueOf(atFollowUp),
                score == null ? null : score.doubleValue(),
                now == null ? CaseStatus.INSUFFICIENT_DATA : CaseStatus.valueOf(now),
                row.getObject("since", LocalDate.class), row.getObject("first_day", LocalDate.class));
    }

    /**
     * The practice's base rate for a period: every case flagged on some day from the first to the last
     * day, taken on the first such day (its index day), counted when {@value WhatWorks#BASE_RATE_DAYS}
     * days later is today or earlier; improved when the status in force that later day is less severe
     * than on the index day, whatever was decided meanwhile.
     */
    public WhatWorks.Share baseRate(LocalDate from, LocalDate to, LocalDate today) {
        return jdbc.sql("""
                WITH spans AS (
                    SELECT a.case_id, a.status, a.effective_on AS first_day,
                           lead(a.effective_on) OVER (PARTITION BY a.case_id ORDER BY a.effective_on, a.id) AS next_day
                    FROM case_assessment a),
                index_days AS (
                    SELECT case_id, min(greatest(first_day, :from)) AS day FROM spans
                    WHERE status IN ('WATCH', 'STALLED', 'DETERIORATING', 'RISK') AND first_day <= :to
                      AND (next_day IS NULL OR next_day > greatest(first_day, :from))
                    GROUP BY case_id)
                SELECT count(*) AS cases, count(*) FILTER (WHERE %s < %s) AS improved
                FROM index_days i
                CROSS JOIN LATERAL (SELECT a.status FROM case_assessment a WHERE a.case_id = i.case_id AND a.effective_on <= i.day
                                    ORDER BY a.effective_on DESC, a.id DESC LIMIT 1) flagged
                CROSS JOIN LATERAL (SELECT a.status FROM case_assessment a
                                    WHERE a.case_id = i.case_id AND a.effective_on <= i.day + :days
                                    ORDER BY a.effective_on DESC, a.id DESC LIMIT 1) later
                WHERE i.day + :days <= :today""".formatted(RANK.formatted("later.status"), RANK.formatted("flagged.status")))
                .param("from", from)
                .param("to", to)
                .param("days", WhatWorks.BASE_RATE_DAYS)
                .param("today", today)
                .query((row, number) -> new WhatWorks.Share(row.getInt("cases"), row.getInt("improved")))
                .single();
    }
}
