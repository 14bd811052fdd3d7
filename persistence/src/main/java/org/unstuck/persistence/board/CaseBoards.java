package org.unstuck.persistence.board;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.persistence.review.DecisionDetailColumns;
import org.unstuck.persistence.review.FollowUpSql;
import org.unstuck.persistence.review.RiskAlertSql;

/**
 * The supervisor's review board and the therapist's caseload, read from the stored progress
 * snapshots: one statement per page, one for the count, one for the counts per reason carried.
 */
@Repository
@Transactional(readOnly = true)
public class CaseBoards {

    private static final String ROWS = """
            SELECT c.id, cl.code, c.therapist_id, u.display_name, c.approach, c.primary_measure, c.closed_on,
                   coalesce(p.status, held.status, 'INSUFFICIENT_DATA') AS status, coalesce(p.status_since, held.since)
                       AS status_since, p.top_reason, sig.sentence,
                   attended.sessions_held, attended.last_session_on, p.primary_latest,
                   CASE m.better_when WHEN 'LOWER_IS_BETTER' THEN p.primary_first - p.primary_latest
                                      ELSE p.primary_latest - p.primary_first END AS improvement,
                   (SELECT count(*) FROM decision d WHERE d.case_id = c.id AND %s) AS follow_ups_due,
                   CASE WHEN p.status = 'RISK' THEN (SELECT min(a.raised_at) FROM risk_alert a
                       WHERE a.case_id = c.id AND %s) END AS risk_raised_at
            FROM therapy_case c
            JOIN client cl ON cl.id = c.client_id
            JOIN user_account u ON u.id = c.therapist_id
            JOIN measure m ON m.code = c.primary_measure
            LEFT JOIN case_progress_snapshot p ON p.case_id = c.id
            LEFT JOIN case_progress_signal sig ON sig.case_id = c.id AND sig.position = 0
            LEFT JOIN LATERAL (SELECT a.status, a.effective_on AS since FROM case_assessment a WHERE a.case_id = c.id
                               AND p.case_id IS NULL ORDER BY a.effective_on DESC, a.id DESC LIMIT 1) held ON TRUE
            CROSS JOIN LATERAL (SELECT count(*) AS sessions_held, max(s.session_date) AS last_session_on
                                FROM therapy_session s WHERE s.case_id = c.id AND s.attendance = 'ATTENDED'
                                  AND s.voided_at IS NULL) attended
            """.formatted(FollowUpSql.dueBy(":today"), RiskAlertSql.OPEN);

    private static final String MOST_SEVERE_FIRST = """
            ORDER BY CASE coalesce(p.status, 'INSUFFICIENT_DATA') WHEN 'RISK' THEN -1 WHEN 'DETERIORATING' THEN 0
                     WHEN 'STALLED' THEN 1 WHEN 'WATCH' THEN 2 WHEN 'ON_TRACK' THEN 3 ELSE 4 END,
                     p.status_since NULLS LAST, c.id
            """;

    /** Cases carrying a signal of any of the reasons, every case when none is named. */
    private static final String CARRYING = """
            AND (:carrying = '' OR EXISTS (SELECT 1 FROM case_progress_signal carried WHERE carried.case_id = c.id
                AND carried.reason = ANY (string_to_array(:carrying, ','))))
            """;

    private static final String SUPERVISEES = """
            c.closed_on IS NULL
            AND c.therapist_id IN (SELECT therapist_id FROM supervision_pair WHERE supervisor_id = :supervisor)
            AND (CAST(:therapist AS BIGINT) IS NULL OR c.therapist_id = :therapist)
            AND (CAST(:reason AS VARCHAR) IS NULL OR p.top_reason = :reason)
            AND (CAST(:status AS VARCHAR) IS NULL OR coalesce(p.status, 'INSUFFICIENT_DATA') = :status)
            """ + CARRYING;

    /**
     * A page of the board, then each of its cases' reasons and latest decision: the page is cut
     * first, so the lateral reads touch only the rows shown.
     */
    private static final String BOARD_PAGE = "SELECT board.*, reasons.carried, last.*\nFROM (\n" + ROWS + "WHERE\n" + SUPERVISEES
            + MOST_SEVERE_FIRST + "OFFSET :offset LIMIT :limit\n) board\n" + """
            LEFT JOIN LATERAL (
                SELECT array_agg(reason ORDER BY first_position) AS carried
                FROM (SELECT s.reason, min(s.position) AS first_position FROM case_progress_signal s
                      WHERE s.case_id = board.id GROUP BY s.reason) per_reason
            ) reasons ON true
            LEFT JOIN LATERAL (
                SELECT d.decision_type, d.approach_from, d.approach_to, d.colleague_id, d.detail, d.decided_on,
                       colleague.display_name AS colleague_name
                FROM decision d LEFT JOIN user_account colleague ON colleague.id = d.colleague_id
                WHERE d.case_id = board.id
                ORDER BY d.decided_at DESC, d.id DESC LIMIT 1
            ) last ON true
            ORDER BY CASE board.status WHEN 'RISK' THEN -1 WHEN 'DETERIORATING' THEN 0 WHEN 'STALLED' THEN 1
                     WHEN 'WATCH' THEN 2 WHEN 'ON_TRACK' THEN 3 ELSE 4 END,
                     board.status_since NULLS LAST, board.id
            """;

    private final JdbcClient jdbc;

    CaseBoards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the supervisor's supervisees' open cases, most severe first. */
    public List<CaseRow> reviewBoard(UserId supervisor, BoardFilter filter, LocalDate today, int offset, int limit) {
        return withReasonAndStatus(jdbc.sql(ROWS + "WHERE\n" + SUPERVISEES + MOST_SEVERE_FIRST + "OFFSET :offset LIMIT :limit"), filter)
                .param("supervisor", supervisor.value())
                .param("therapist", filter.therapistId())
                .param("today", today)
                .param("offset", offset)
                .param("limit", limit)
                .query(CaseBoards::row)
                .list();
    }

    /**
     * A page of the supervisor's board, most severe first, each case with every reason it carries and
     * its latest decision, in one statement.
     */
    public List<BoardRow> reviewBoardPage(UserId supervisor, BoardFilter filter, LocalDate today, int offset, int limit) {
        return withReasonAndStatus(jdbc.sql(BOARD_PAGE), filter)
                .param("supervisor", supervisor.value())
                .param("therapist", filter.therapistId())
                .param("today", today)
                .param("offset", offset)
                .param("limit", limit)
                .query(CaseBoards::boardRow)
                .list();
    }

    /** The client code of each of the cases, open or closed. */
    public Map<Long, String> clientCodes(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        var codes = new HashMap<Long, String>();
        jdbc.sql("SELECT c.id, cl.code FROM therapy_case c JOIN client cl ON cl.id = c.client_id WHERE c.id IN (:ids)")
                .param("ids", caseIds)
                .query((row, number) -> codes.put(row.getLong(1), row.getString(2)))
                .list();
        return codes;
    }

    /** The board rows of the given cases, those of them that are the supervisor's supervisees' open cases. */
    public List<CaseRow> reviewBoardRows(UserId supervisor, Collection<Long> caseIds, LocalDate today) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return withReasonAndStatus(jdbc.sql(ROWS + "WHERE c.id IN (:ids) AND\n" + SUPERVISEES), BoardFilter.everything())
                .param("ids", caseIds)
                .param("supervisor", supervisor.value())
                .param("therapist", null)
                .param("today", today)
                .query(CaseBoards::row)
                .list();
    }

    /** The rows of the given cases, open or closed, by case id, in one statement; the caller checks who may see them. */
    public Map<Long, CaseRow> rowsOf(Collection<Long> caseIds, LocalDate today) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        var rows = new HashMap<Long, CaseRow>();
        jdbc.sql(ROWS + "WHERE c.id IN (:ids)")
                .param("ids", caseIds)
                .param("today", today)
                .query(CaseBoards::row)
                .list()
                .forEach(row -> rows.put(row.caseId(), row));
        return rows;
    }

    public int reviewBoardSize(UserId supervisor, BoardFilter filter) {
        return withReasonAndStatus(jdbc.sql("""
                SELECT count(*) FROM therapy_case c LEFT JOIN case_progress_snapshot p ON p.case_id = c.id
                WHERE
                """ + SUPERVISEES), filter)
                .param("supervisor", supervisor.value())
                .param("therapist", filter.therapistId())
                .query(Integer.class).single();
    }

    /**
     * How many of the supervisor's supervisees' open cases the filter shows carry a signal of each
     * reason, whatever reasons the filter limits the board to: a count says what choosing that reason
     * would show.
     */
    public Map<StallReason, Integer> reviewBoardReasons(UserId supervisor, BoardFilter filter) {
        var counts = new EnumMap<StallReason, Integer>(StallReason.class);
        withReasonAndStatus(jdbc.sql("""
                SELECT signal.reason, count(DISTINCT c.id) FROM therapy_case c
                LEFT JOIN case_progress_snapshot p ON p.case_id = c.id
                JOIN case_progress_signal signal ON signal.case_id = c.id
                WHERE
                """ + SUPERVISEES + "GROUP BY signal.reason"), filter.carryingAnything())
                .param("supervisor", supervisor.value())
                .param("therapist", filter.therapistId())
                .query((row, number) -> counts.put(StallReason.valueOf(row.getString(1)), row.getInt(2)))
                .list();
        return counts;
    }

    private static final String FLAGGED = "AND p.status IN ('WATCH', 'STALLED', 'DETERIORATING', 'RISK')\n";

    /**
     * The supervisor's supervisees' open cases flagged in a status that began on or after the day,
     * most severe first: what has come up since the supervisor last looked.
     */
    public List<CaseRow> flaggedSince(UserId supervisor, LocalDate since, LocalDate today, int limit) {
        return withReasonAndStatus(jdbc.sql(ROWS + "WHERE\n" + SUPERVISEES + FLAGGED + "AND p.status_since >= :since\n"
                        + MOST_SEVERE_FIRST + "LIMIT :limit"), BoardFilter.everything())
                .param("supervisor", supervisor.value())
                .param("therapist", null)
                .param("since", since)
                .param("today", today)
                .param("limit", limit)
                .query(CaseBoards::row)
                .list();
    }

    /**
     * The therapist's open cases that are stalled or deteriorating and on which the therapist has
     * written no reflective note since that status began, counted in the practice's time zone.
     */
    public List<CaseRow> notesOwed(UserId therapist, LocalDate today, ZoneId zone) {
        return jdbc.sql(ROWS + """
                        WHERE c.therapist_id = :therapist AND c.closed_on IS NULL
                          AND p.status IN ('STALLED', 'DETERIORATING')
                          AND NOT EXISTS (SELECT 1 FROM reflective_note n
                                          JOIN reflective_note_version v ON v.note_id = n.id
                                          WHERE n.case_id = c.id AND n.author_id = :therapist
                                            AND CAST(v.written_at AT TIME ZONE :zone AS DATE) >= p.status_since)
                        """ + MOST_SEVERE_FIRST)
                .param("therapist", therapist.value())
                .param("today", today)
                .param("zone", zone.getId())
                .query(CaseBoards::row)
                .list();
    }

    private static final String OWN_CASES = """
            c.therapist_id = :therapist AND (:includeClosed OR c.closed_on IS NULL)
            AND (CAST(:reason AS VARCHAR) IS NULL OR p.top_reason = :reason)
            AND (CAST(:status AS VARCHAR) IS NULL OR coalesce(p.status, 'INSUFFICIENT_DATA') = :status)
            """ + CARRYING;

    /** A page of a therapist's own cases, most severe first; closed ones only when asked. */
    public List<CaseRow> caseload(UserId therapist, BoardFilter filter, boolean includeClosed, LocalDate today, int offset,
            int limit) {
        return withReasonAndStatus(jdbc.sql(ROWS + "WHERE\n" + OWN_CASES + MOST_SEVERE_FIRST + "OFFSET :offset LIMIT :limit"),
                        filter)
                .param("therapist", therapist.value())
                .param("includeClosed", includeClosed)
                .param("today", today)
                .param("offset", offset)
                .param("limit", limit)
                .query(CaseBoards::row)
                .list();
    }

    public int caseloadSize(UserId therapist, BoardFilter filter, boolean includeClosed) {
        return withReasonAndStatus(jdbc.sql("""
                SELECT count(*) FROM therapy_case c LEFT JOIN case_progress_snapshot p ON p.case_id = c.id
                WHERE
                """ + OWN_CASES), filter)
                .param("therapist", therapist.value())
                .param("includeClosed", includeClosed)
                .query(Integer.class).single();
    }

    private static JdbcClient.StatementSpec withReasonAndStatus(JdbcClient.StatementSpec statement, BoardFilter filter) {
        return statement
                .param("reason", filter.reason() == null ? null : filter.reason().name())
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("carrying", filter.carrying().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    }

    private static CaseRow row(ResultSet row, int number) throws SQLException {
        var reason = row.getString("top_reason");
        return new CaseRow(
                row.getLong("id"),
                row.getString("code"),
                row.getLong("therapist_id"),
                row.getString("display_name"),
                row.getString("approach"),
                row.getString("primary_measure"),
                CaseStatus.valueOf(row.getString("status")),
                row.getObject("status_since", LocalDate.class),
                reason == null ? null : StallReason.valueOf(reason),
                row.getString("sentence"),
                row.getInt("sessions_held"),
                row.getObject("last_session_on", LocalDate.class),
                nullableDouble(row, "primary_latest"),
                nullableDouble(row, "improvement"),
                row.getObject("closed_on") == null,
                row.getInt("follow_ups_due"),
                row.getTimestamp("risk_raised_at") == null ? null : row.getTimestamp("risk_raised_at").toInstant());
    }

    private static BoardRow boardRow(ResultSet row, int number) throws SQLException {
        var carried = row.getArray("carried");
        var reasons = carried == null ? List.<StallReason>of()
                : Arrays.stream((String[]) carried.getArray()).map(StallReason::valueOf).toList();
        var decidedOn = row.getObject("decided_on", LocalDate.class);
        var lastDecision = decidedOn == null ? null
                : new BoardRow.LastDecision(DecisionDetailColumns.read(row), decidedOn, row.getString("colleague_name"));
        return new BoardRow(row(row, number), reasons, lastDecision);
    }

    private static @Nullable Double nullableDouble(ResultSet row, String column) throws SQLException {
        var value = row.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}
