package org.unstuck.persistence.importing;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;

/**
 * Reads what an import file refers to and writes the file's rows in JDBC batches. Writes run in the
 * caller's transaction, so a whole file is stored or nothing of it.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class ImportStore {

    private final JdbcTemplate jdbc;

    ImportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A case as a file describes it; {@code opened} is its earliest session in the file. */
    public record CaseValues(String reference, String clientCode, long therapistId, String approach,
            String presentingProblem, String primaryMeasure, @Nullable String allianceMeasure, LocalDate opened) {
    }

    public record StoredCase(long id, CaseValues values, @Nullable LocalDate closed) {
    }

    /** A session as a file describes it, with its scores by measure code (trailing zeros stripped). */
    public record SessionValues(String externalId, String caseReference, LocalDate date, Attendance attendance,
            Homework homework, Map<String, BigDecimal> scores) {
    }

    public record StoredSession(long id, SessionValues values) {
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Map<String, StoredCase> casesByReference(Collection<String> references) {
        var found = new HashMap<String, StoredCase>();
        jdbc.query("""
                SELECT c.id, c.external_ref, cl.code, c.therapist_id, c.approach, c.presenting_problem, c.primary_measure,
                       c.alliance_measure, c.opened_on, c.closed_on
                FROM therapy_case c JOIN client cl ON cl.id = c.client_id
                WHERE c.external_ref = ANY(?)""", row -> {
            var values = new CaseValues(row.getString("external_ref"), row.getString("code"), row.getLong("therapist_id"),
                    row.getString("approach"), row.getString("presenting_problem"), row.getString("primary_measure"),
                    row.getString("alliance_measure"), row.getObject("opened_on", LocalDate.class));
            found.put(values.reference(), new StoredCase(row.getLong("id"), values, row.getObject("closed_on", LocalDate.class)));
        }, (Object) references.toArray(String[]::new));
        return found;
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Map<String, StoredSession> sessionsByExternalId(Collection<String> externalIds) {
        record Row(long id, String externalId, String caseReference, LocalDate date, String attendance, String homework,
                @Nullable String measure, @Nullable BigDecimal score) {
        }
        var rows = jdbc.query("""
                SELECT s.id, s.external_id, c.external_ref, s.session_date, s.attendance, s.homework, sc.measure_code, sc.score
                FROM therapy_session s
                JOIN therapy_case c ON c.id = s.case_id
                LEFT JOIN session_score sc ON sc.session_id = s.id
                WHERE s.external_id = ANY(?)""",
                (row, number) -> new Row(row.getLong("id"), row.getString("external_id"),
                        row.getString("external_ref") == null ? "" : row.getString("external_ref"),
                        row.getObject("session_date", LocalDate.class), row.getString("attendance"), row.getString("homework"),
                        row.getString("measure_code"), row.getBigDecimal("score")),
                (Object) externalIds.toArray(String[]::new));
        var byId = new HashMap<String, StoredSession>();
        for (var row : rows) {
            var session = byId.computeIfAbsent(row.externalId(), id -> new StoredSession(row.id(), new SessionValues(id,
                    row.caseReference(), row.date(), Attendance.valueOf(row.attendance()), Homework.valueOf(row.homework()),
                    new TreeMap<>())));
            if (row.measure() != null && row.score() != null) {
                session.values().scores().put(row.measure(), row.score().stripTrailingZeros());
            }
        }
        return byId;
    }

    /** Adds the clients not stored yet; returns how many were added. */
    public int addClients(Collection<String> codes) {
        var added = jdbc.batchUpdate("INSERT INTO client (code) VALUES (?) ON CONFLICT (code) DO NOTHING",
                codes.stream().map(code -> new Object[] {code}).toList());
        var count = 0;
        for (var rows : added) {
            count += Math.max(rows, 0);
        }
        return count;
    }

    public void createCases(List<CaseValues> cases) {
        jdbc.batchUpdate("""
                INSERT INTO therapy_case (external_ref, client_id, presenting_problem, approach, primary_measure,
                    alliance_measure, opened_on, therapist_id)
                VALUES (?, (SELECT id FROM client WHERE code = ?), ?, ?, ?, ?, ?, ?)""",
                cases.stream().map(values -> new Object[] {values.reference(), values.clientCode(), values.presentingProblem(),
                        values.approach(), values.primaryMeasure(), values.allianceMeasure(), Date.valueOf(values.opened()),
                        values.therapistId()}).toList());
    }

    /** Changes what an import may change of a stored case; the version moves so open editors see the change. */
    public void updateCases(List<StoredCase> cases) {
        jdbc.batchUpdate("""
                UPDATE therapy_case SET presenting_problem = ?, approach = ?, opened_on = ?, version = version + 1
                WHERE id = ?""",
                cases.stream().map(stored -> new Object[] {stored.values().presentingProblem(), stored.values().approach(),
                        Date.valueOf(stored.values().opened()), stored.id()}).toList());
    }

    /** The ids of cases by reference. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Map<String, Long> caseIds(Collection<String> references) {
        var ids = new HashMap<String, Long>();
        jdbc.query("SELECT id, external_ref FROM therapy_case WHERE external_ref = ANY(?)",
                row -> {
                    ids.put(row.getString("external_ref"), row.getLong("id"));
                }, (Object) references.toArray(String[]::new));
        return ids;
    }

    /**
     * Adds new sessions and rewrites changed ones with their scores. Old scores go first so a session
     * that is no longer attended passes the rule that only attended sessions have scores.
     */
    public void writeSessions(List<SessionValues> added, List<StoredSession> changed, Map<String, Long> caseIds) {
        jdbc.batchUpdate("DELETE FROM session_score WHERE session_id = ?",
                changed.stream().map(session -> new Object[] {session.id()}).toList());
        jdbc.batchUpdate("""
                UPDATE therapy_session SET case_id = ?, session_date = ?, attendance = ?, homework = ?, version = version + 1
                WHERE id = ?""",
                changed.stream().map(session -> new Object[] {caseIds.get(session.values().caseReference()),
                        Date.valueOf(session.values().date()), session.values().attendance().name(),
                        session.values().homework().name(), session.id()}).toList());
        jdbc.batchUpdate("""
                INSERT INTO therapy_session (case_id, session_date, attendance, homework, external_id) VALUES (?, ?, ?, ?, ?)""",
                added.stream().map(session -> new Object[] {caseIds.get(session.caseReference()), Date.valueOf(session.date()),
                        session.attendance().name(), session.homework().name(), session.externalId()}).toList());
        var sessionIds = new HashMap<String, Long>();
        changed.forEach(session -> sessionIds.put(session.values().externalId(), session.id()));
        if (!added.isEmpty()) {
            jdbc.query("SELECT id, external_id FROM therapy_session WHERE external_id = ANY(?)",
                    row -> {
                        sessionIds.put(row.getString("external_id"), row.getLong("id"));
                    }, (Object) added.stream().map(SessionValues::externalId).toArray(String[]::new));
        }
        var scores = new ArrayList<Object[]>();
        added.forEach(session -> addScores(scores, sessionIds.get(session.externalId()), session));
        changed.forEach(session -> addScores(scores, session.id(), session.values()));
        jdbc.batchUpdate("INSERT INTO session_score (session_id, measure_code, score) VALUES (?, ?, ?)", scores);
    }

    private static void addScores(List<Object[]> scores, Long sessionId, SessionValues session) {
        session.scores().forEach((measure, score) -> scores.add(new Object[] {sessionId, measure, score}));
    }
}
