package org.unstuck.persistence.board;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Every case of the practice with what the caseload-health report needs, in one statement. */
@Repository
@Transactional(readOnly = true)
public class CourseRows {

    private final JdbcClient jdbc;

    CourseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CourseRow> all() {
        return jdbc.sql("""
                WITH scored AS (
                    SELECT s.case_id, sc.score,
                           row_number() OVER (PARTITION BY s.case_id ORDER BY s.session_date, s.id) AS first_rank,
                           row_number() OVER (PARTITION BY s.case_id ORDER BY s.session_date DESC, s.id DESC) AS last_rank
                    FROM therapy_session s
                    JOIN therapy_case c ON c.id = s.case_id
                    JOIN session_score sc ON sc.session_id = s.id AND sc.measure_code = c.primary_measure
                    WHERE s.attendance = 'ATTENDED')
                SELECT u.display_name, c.approach, c.closed_on IS NULL AS open,
                       coalesce(p.status IN ('WATCH', 'STALLED', 'DETERIORATING'), FALSE) AS flagged,
                       c.primary_measure,
                       (SELECT count(*) FROM therapy_session s WHERE s.case_id = c.id AND s.attendance = 'ATTENDED') AS attended,
                       (SELECT score FROM scored WHERE scored.case_id = c.id AND first_rank = 1) AS first_score,
                       (SELECT score FROM scored WHERE scored.case_id = c.id AND last_rank = 1) AS last_score
                FROM therapy_case c
                JOIN user_account u ON u.id = c.therapist_id
                LEFT JOIN case_progress_snapshot p ON p.case_id = c.id
                ORDER BY u.display_name, c.id""")
                .query(CourseRows::row)
                .list();
    }

    private static CourseRow row(ResultSet row, int number) throws SQLException {
        return new CourseRow(row.getString("display_name"), row.getString("approach"), row.getBoolean("open"),
                row.getBoolean("flagged"), row.getString("primary_measure"), row.getInt("attended"),
                score(row, "first_score"), score(row, "last_score"));
    }

    private static @Nullable Double score(ResultSet row, String column) throws SQLException {
        var value = row.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}
