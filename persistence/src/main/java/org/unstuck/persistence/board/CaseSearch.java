package org.unstuck.persistence.board;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;

/** Finds cases by the start of their client's code, in one statement. */
@Repository
@Transactional(readOnly = true)
public class CaseSearch {

    private final JdbcClient jdbc;

    CaseSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The cases whose client code begins with the given text, whatever its case: at most {@code limit}
     * the person may see and at most {@code limit} they may not, each marked. Exact codes come first,
     * then open cases, then by code.
     *
     * @param ownCasesOf the therapist whose own cases are visible, or null for none
     * @param superviseesOf the supervisor whose supervisees' cases are visible, or null for none
     * @param breakGlassBy the username whose break-glass accesses since {@code breakGlassSince} are visible
     */
    public List<CaseMatch> byClientCode(String codeStart, @Nullable UserId ownCasesOf, @Nullable UserId superviseesOf,
            String breakGlassBy, @Nullable Instant breakGlassSince, int limit) {
        var lowered = codeStart.strip().toLowerCase(Locale.ROOT);
        var pattern = lowered.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                WITH matched AS (
                    SELECT c.id, cl.code, u.display_name, c.opened_on, c.closed_on,
                           coalesce(p.status, 'INSUFFICIENT_DATA') AS status,
                           lower(cl.code) = :exact AS exact,
                           coalesce(c.therapist_id = CAST(:own AS BIGINT)
                           OR c.therapist_id IN (SELECT sp.therapist_id FROM supervision_pair sp
                                                 WHERE sp.supervisor_id = CAST(:supervisor AS BIGINT))
                           OR c.id IN (SELECT e.case_id FROM audit_event e
                                       WHERE e.actor = :actor AND e.action = 'case.break-glass'
                                         AND e.outcome = 'BREAK_GLASS' AND e.occurred_at >= CAST(:since AS TIMESTAMPTZ)), FALSE)
                               AS visible
                    FROM client cl
                    JOIN therapy_case c ON c.client_id = cl.id
                    JOIN user_account u ON u.id = c.therapist_id
                    LEFT JOIN case_progress_snapshot p ON p.case_id = c.id
                    WHERE lower(cl.code) LIKE :pattern ESCAPE '\\'),
                ranked AS (
                    SELECT matched.*, row_number() OVER (PARTITION BY visible
                        ORDER BY exact DESC, closed_on IS NOT NULL, code, opened_on DESC, id DESC) AS place
                    FROM matched)
                SELECT * FROM ranked WHERE place <= :limit ORDER BY visible DESC, place""")
                .param("exact", lowered)
                .param("pattern", pattern)
                .param("own", ownCasesOf == null ? null : ownCasesOf.value())
                .param("supervisor", superviseesOf == null ? null : superviseesOf.value())
                .param("actor", breakGlassBy)
                .param("since", breakGlassSince == null ? null : Timestamp.from(breakGlassSince))
                .param("limit", limit)
                .query((row, number) -> new CaseMatch(
                        row.getLong("id"),
                        row.getString("code"),
                        row.getString("display_name"),
                        row.getObject("opened_on", LocalDate.class),
                        row.getObject("closed_on", LocalDate.class),
                        CaseStatus.valueOf(row.getString("status")),
                        row.getBoolean("visible")))
                .list();
    }
}
