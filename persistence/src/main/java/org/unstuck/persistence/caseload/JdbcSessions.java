package org.unstuck.persistence.caseload;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.RecordedSession;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.SessionVoid;
import org.unstuck.domain.caseload.Sessions;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.MeasureCode;
import org.unstuck.domain.measure.Score;
import org.unstuck.domain.practice.UserId;
import org.unstuck.persistence.ConstraintMessages;
import org.unstuck.persistence.measure.JdbcMeasures;

/** Sessions and their scores, read for a case in one statement. */
@Repository
@Transactional(readOnly = true)
class JdbcSessions implements Sessions {

    private final JdbcClient jdbc;
    private final JdbcMeasures measures;

    JdbcSessions(JdbcClient jdbc, JdbcMeasures measures) {
        this.jdbc = jdbc;
        this.measures = measures;
    }

    private record Row(long id, LocalDate date, String attendance, String homework, @Nullable String measure, @Nullable Double score,
            List<Integer> items, @Nullable SessionVoid voided) {
    }

    @Override
    public List<Session> of(CaseId caseId) {
        return read(caseId, false).stream().map(RecordedSession::session).toList();
    }

    @Override
    public List<RecordedSession> history(CaseId caseId) {
        return read(caseId, true);
    }

    private List<RecordedSession> read(CaseId caseId, boolean withVoided) {
        var catalogue = MeasureCatalogue.withPracticeMeasures(measures.practiceDefined());
        var rows = jdbc.sql("""
                SELECT s.id, s.session_date, s.attendance, s.homework, s.voided_at, s.voided_by, s.void_reason,
                       sc.measure_code, sc.score, sc.items
                FROM therapy_session s LEFT JOIN session_score sc ON sc.session_id = s.id
                WHERE s.case_id = :caseId AND (:withVoided OR s.voided_at IS NULL)
                ORDER BY s.session_date, s.id, sc.measure_code""")
                .param("caseId", caseId.value())
                .param("withVoided", withVoided)
                .query((row, number) -> new Row(row.getLong("id"), row.getObject("session_date", LocalDate.class),
                        row.getString("attendance"), row.getString("homework"), row.getString("measure_code"),
                        row.getObject("score") == null ? null : row.getBigDecimal("score").doubleValue(), items(row.getArray("items")),
                        row.getObject("voided_at") == null ? null : new SessionVoid(new UserId(row.getLong("voided_by")),
                                row.getTimestamp("voided_at").toInstant(), row.getString("void_reason"))))
                .list();
        var bySession = new LinkedHashMap<Long, List<Row>>();
        rows.forEach(row -> bySession.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row));
        return bySession.values().stream().map(sessionRows -> {
            var first = sessionRows.getFirst();
            var scores = sessionRows.stream().filter(row -> row.measure() != null)
                    .map(row -> new Score(catalogue.find(new MeasureCode(row.measure())).orElseThrow(), row.score(),
                            row.items()))
                    .toList();
            return new RecordedSession(new Session(first.date(), Attendance.valueOf(first.attendance()), scores,
                    Homework.valueOf(first.homework())), first.voided());
        }).toList();
    }

    private static List<Integer> items(@Nullable Array items) throws SQLException {
        if (items == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) items.getArray()).map(item -> ((Number) item).intValue()).toList();
    }

    @Override
    @Transactional
    public void voidSession(CaseId caseId, LocalDate date, SessionVoid voided) {
        var changed = jdbc.sql("""
                UPDATE therapy_session SET voided_at = :at, voided_by = :by, void_reason = :reason
                WHERE case_id = :caseId AND session_date = :date AND voided_at IS NULL""")
                .param("at", Timestamp.from(voided.at()))
                .param("by", voided.by().value())
                .param("reason", voided.reason())
                .param("caseId", caseId.value())
                .param("date", date)
                .update();
        if (changed == 0) {
            throw new IllegalArgumentException("The case has no session on " + date + " to void");
        }
    }

    @Override
    @Transactional
    public void add(CaseId caseId, Session session) {
        try {
            var id = jdbc.sql("""
                    INSERT INTO therapy_session (case_id, session_date, attendance, homework)
                    VALUES (:caseId, :date, :attendance, :homework) RETURNING id""")
                    .param("caseId", caseId.value())
                    .param("date", session.date())
                    .param("attendance", session.attendance().name())
                    .param("homework", session.homework().name())
                    .query(Long.class).single();
            for (var score : session.scores()) {
                jdbc.sql("""
                        INSERT INTO session_score (session_id, measure_code, score, items)
                        VALUES (:session, :measure, :score, :items::smallint[])""")
                        .param("session", id)
                        .param("measure", score.code().value())
                        .param("score", score.value())
                        .param("items", score.items().isEmpty() ? null : score.items().toArray(Integer[]::new))
                        .update();
            }
        } catch (DataIntegrityViolationException refused) {
            throw ConstraintMessages.translate(refused);
        }
    }
}
