package org.unstuck.persistence.board;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.CaseId;

/** A case's scores on every measure by attended session, in one statement, for its charts. */
@Repository
@Transactional(readOnly = true)
public class CaseTrajectories {

    private final JdbcClient jdbc;

    CaseTrajectories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TrajectoryPoint> of(CaseId caseId) {
        return jdbc.sql("""
                SELECT numbered.session_number, numbered.session_date, sc.measure_code, sc.score
                FROM (SELECT s.id, s.session_date,
                             row_number() OVER (ORDER BY s.session_date, s.id) AS session_number
                      FROM therapy_session s WHERE s.case_id = :caseId AND s.attendance = 'ATTENDED' AND s.voided_at IS NULL) numbered
                JOIN session_score sc ON sc.session_id = numbered.id
                ORDER BY sc.measure_code, numbered.session_number""")
                .param("caseId", caseId.value())
                .query((row, number) -> new TrajectoryPoint(row.getInt(1), row.getObject(2, LocalDate.class),
                        row.getString(3), row.getBigDecimal(4).doubleValue()))
                .list();
    }
}
