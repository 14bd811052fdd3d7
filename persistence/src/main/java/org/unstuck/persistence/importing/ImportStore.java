package org.unstuck.persistence.importing;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    /**
     * A session as a file describes it, with its scores by measure code (trailing zeros stripped).
     *
     * @param items the item scores in item order, by the code of each measure whose score keeps them
     */
    public record SessionValues(String externalId, String caseReference, LocalDate date, Attendance attendance,
            Homework homework, Map<String, BigDecimal> scores, Map<String, List<Integer>> items) {
    }

    public record StoredSession(long id, SessionValues values) {
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Map<String, StoredCase> casesByReference(Collection<String> references) {
        var found = new HashMap<String, StoredCase>();
        jdbc.query("""
                SELECT c.id, c.external_ref, cl.code, c.therapist_id, c.approach, c.presenting_problem, c.primary_measure,
                       c.alliance_measure, c.opened_on, c.closed_on
                FROM unnest(?::text[]) AS wanted(external_ref)
                JOIN therapy_case c ON c.external_ref = wanted.external_ref
                JOIN client cl ON cl.id = c.client_id""", row -> {
            var values = new CaseValues(row.getString("external_ref"), row.getString("code"), row.getLong("therapist_id"),
                    row.getString("approach"), row.getString("presenting_problem"), row.getString("primary_measure"),
                    row.getString("alliance_measure"), row.getObject("opened_on", LocalDate.class));
            found.put(values.reference(), new StoredCase(row.getLong("id"), values, row.getObject("closed_on", LocalDate.class)));
        }, (Object) references.toArray(String[]::new));
        return found;
    }

    /**
     * The stored sessions of these external ids, with their scores. The ids are joined as a table,
     * never matched with {@code = ANY}, and each query reads one table: the plan stays linear even
     * while an import grows the tables faster than their statistics follow.
     */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public Map<String, StoredSession> sessionsByExternalId(Collection<String> externalIds) {
        record Row(long id, String externalId, long caseId, LocalDate date, String attendance, String homework) {
        }
        var rows = jdbc.query("""
                SELECT s.id, s.external_id, s.case_id, s.session_date, s.attendance, s.homework
                FROM unnest(?::text[]) AS wanted(external_id) JOIN therapy_session s ON s.external_id = wanted.external_id""",
                (row, number) -> new Row(row.getLong("id"), row.getString("external_id"), row.getLong("case_id"),
                        row.getObject("session_date", LocalDate.class), row.getString("attendance"), row.getString("homework")),
                (Object) externalIds.toArray(String[]::new));
        if (rows.isEmpty()) {
            return Map.of();
        }
        var references = new HashMap<Long, String>();
        jdbc.query("SELECT c.id, c.external_ref FROM unnest(?::bigint[]) AS wanted(id) JOIN therapy_case c ON c.id = wanted.id",
                row -> {
            references.put(row.getLong("id"), row.getString("external_ref") == null ? "" : row.getString("external_ref"));
        }, (Object) rows.stream().map(Row::caseId).distinct().toArray(Long[]::new));
        var scores = new HashMap<Long, Map<String, BigDecimal>>();
        var items = new HashMap<Long, Map<String, List<Integer>>>();
        jdbc.query("""
                SELECT sc.session_id, sc.measure_code, sc.score, sc.items
                FROM unnest(?::bigint[]) AS wanted(id) JOIN session_score sc ON sc.session_id = wanted.id""", row -> {
            scores.computeIfAbsent(row.getLong("session_id"), id -> new TreeMap<>())
                    .put(row.getString("measure_code"), row.getBigDecimal("score").stripTrailingZeros());
            var itemScores = row.getArray("items");
            if (itemScores != null) {
                items.computeIfAbsent(row.getLong("session_id"), id -> new TreeMap<>()).put(row.getString("measure_code"),
                        Arrays.stream((Object[]) itemScores.getArray()).map(item -> ((Number) item).intValue()).toList());
            }
        }, (Object) rows.stream().map(Row::id).toArray(Long[]::new));
        var byId = new HashMap<String, StoredSession>();
        for (var row : rows) {
            byId.put(row.externalId(), new StoredSession(row.id(), new SessionValues(row.externalId(),
                    references.get(row.caseId()), row.date(), Attendance.valueOf(row.attendance()),
                    Homework.valueOf(row.homework()), scores.getOrDefault(row.id(), new TreeMap<>()),
                    items.getOrDefault(row.id(), new TreeMap<>()))));
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
        jdbc.query("""
                SELECT c.id, c.external_ref FROM unnest(?::text[]) AS wanted(external_ref)
                JOIN therapy_case c ON c.external_ref = wanted.external_ref""",
                row -> {
                    ids.put(row.getString("external_ref"), row.getLong("id"));
                }, (Object) references.toArray(String[]::new));
        return ids;
    }

    /**
     * Adds new sessions and rewrites changed ones with their scores and items, one statement for each
     * kind of write over the whole batch. Old scores go first so a session that is no longer attended
     * passes the rule that only attended sessions have scores.
     */
    public void writeSessions(List<SessionValues> added, List<StoredSession> changed, Map<String, Long> caseIds) {
        var sessionIds = new HashMap<String, Long>();
        if (!changed.isEmpty()) {
            var ids = changed.stream().map(StoredSession::id).toArray(Long[]::new);
            jdbc.update("DELETE FROM session_score sc USING unnest(?::bigint[]) AS gone(id) WHERE sc.session_id = gone.id",
                    (Object) ids);
            var values = changed.stream().map(StoredSession::values).toList();
            jdbc.update("""
                    UPDATE therapy_session s SET session_date = u.session_date, attendance = u.attendance,
                        homework = u.homework, version = s.version + 1
                    FROM unnest(?::bigint[], ?::text[]::date[], ?::text[], ?::text[]) AS u(id, session_date, attendance, homework)
                    WHERE s.id = u.id""",
                    ids, column(values, session -> session.date().toString()),
                    column(values, session -> session.attendance().name()), column(values, session -> session.homework().name()));
            changed.forEach(session -> sessionIds.put(session.values().externalId(), session.id()));
        }
        if (!added.isEmpty()) {
            jdbc.query("""
                    INSERT INTO therapy_session (case_id, session_date, attendance, homework, external_id)
                    SELECT * FROM unnest(?::bigint[], ?::text[]::date[], ?::text[], ?::text[], ?::text[])
                    RETURNING id, external_id""",
                    row -> {
                        sessionIds.put(row.getString("external_id"), row.getLong("id"));
                    },
                    added.stream().map(session -> caseIds.get(session.caseReference())).toArray(Long[]::new),
                    column(added, session -> session.date().toString()), column(added, session -> session.attendance().name()),
                    column(added, session -> session.homework().name()), column(added, SessionValues::externalId));
        }
        var scored = new ArrayList<SessionValues>(added);
        changed.forEach(session -> scored.add(session.values()));
        var sessions = new ArrayList<Long>();
        var measures = new ArrayList<String>();
        var scores = new ArrayList<String>();
        var items = new ArrayList<@Nullable String>();
        for (var session : scored) {
            session.scores().forEach((measure, score) -> {
                sessions.add(sessionIds.get(session.externalId()));
                measures.add(measure);
                scores.add(score.toPlainString());
                items.add(arrayLiteral(session.items().get(measure)));
            });
        }
        if (!sessions.isEmpty()) {
            // An array of arrays must be rectangular, so each score's items travel as the text of their own array.
            jdbc.update("""
                    INSERT INTO session_score (session_id, measure_code, score, items)
                    SELECT session_id, measure_code, score, items::smallint[]
                    FROM unnest(?::bigint[], ?::text[], ?::text[]::numeric[], ?::text[]) AS s(session_id, measure_code, score, items)""",
                    sessions.toArray(Long[]::new), measures.toArray(String[]::new), scores.toArray(String[]::new),
                    items.toArray(String[]::new));
        }
    }

    /** {@code {2,2,1}}, or null for a score without items. */
    private static @Nullable String arrayLiteral(@Nullable List<Integer> items) {
        return items == null ? null : items.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }
}
