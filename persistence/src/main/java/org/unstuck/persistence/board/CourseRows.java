package org.unstuck.persistence.board;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The cases of the practice with what the caseload-health report needs, in one statement. */
@Repository
@Transactional(readOnly = true)
public class CourseRows {

    private final JdbcClient jdbc;

    CourseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every case open at some time from the first to the last day, both included, flagged or not by
     * the assessment in force on the last day.
     */
    public List<CourseRow> openBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                WITH scored AS (
                    SELECT s.case_id, sc.score,
                           row_number() OVER (PARTITION BY s.case_id ORDER BY s.session_date, s.id) AS first_rank,
                           row_number() OVER (PARTITION BY s.case_id ORDER BY s.session_date DESC, s.id DESC) AS last_rank
                    FROM therapy_session s
                    JOIN therapy_case c ON c.id = s.case_id
                    JOIN session_score sc ON sc.session_id = s.id AND sc.measure_code = c.primary_measure
                    WHERE s.attendance = 'ATTENDED' AND s.voided_at IS NULL),
                ends AS (
                    SELECT case_id, max(score) FILTER (WHERE first_rank = 1) AS first_score,
                           max(score) FILTER (WHERE last_rank = 1) AS last_score
                    FROM scored GROUP BY case_id),
                attended AS (
                    SELECT case_id, count(*) AS sessions FROM therapy_session WHERE attendance = 'ATTENDED' AND voided_at IS NULL
                    GROUP BY case_id)
                SELECT u.display_name, c.approach, c.opened_on, c.closed_on,
                       coalesce(held.status IN ('WATCH', 'STALLED', 'DETERIORATING', 'RISK'), FALSE) AS flagged,
                       c.primary_measure, coalesce(a.sessions, 0) AS attended, e.first_score, e.last_score
                FROM therapy_case c
                JOIN user_account u ON u.id = c.therapist_id
                LEFT JOIN LATERAL (SELECT a.status FROM case_assessment a WHERE a.case_id = c.id AND a.effective_on <= :to
                                   ORDER BY a.effective_on DESC, a.id DESC LIMIT 1) held ON TRUE
                LEFT JOIN ends e ON e.case_id = c.id
                LEFT JOIN attended a ON a.case_id = c.id
                WHERE c.opened_on <= :to AND (c.closed_on IS NULL OR c.closed_on >= :from)
                ORDER BY u.display_name, c.id""")
                .param("from", from)
                .param("to", to)
                .query(CourseRows::row)
                .list();
    }

    private static CourseRow row(ResultSet row, int number) throws SQLException {
        return new CourseRow(row.getString("display_name"), row.getString("approach"),
                row.getObject("opened_on", LocalDate.class), row.getObject("closed_on", LocalDate.class),
                row.getBoolean("flagged"), row.getString("primary_measure"), row.getInt("attended"),
                score(row, "first_score"), score(row, "last_score"));
    }

    private static @Nullable Double score(ResultSet row, String column) throws SQLException {
        var value = row.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}
