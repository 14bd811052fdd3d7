package org.unstuck.persistence.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.audit.AuditEvent.Outcome;

/** The audit trail read as a list, newest first: one statement per page and one for the count. */
@Repository
@Transactional(readOnly = true)
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEntry> entries(AuditQuery query, int offset, int limit) {
        var where = where(query);
        var statement = jdbc.sql("""
                SELECT e.sequence, e.occurred_at, e.actor, u.display_name, e.action, e.case_id, cl.code, e.outcome
                FROM audit_event e
                LEFT JOIN user_account u ON u.username = e.actor
                LEFT JOIN therapy_case c ON c.id = e.case_id
                LEFT JOIN client cl ON cl.id = c.client_id
                """ + where.sql() + " ORDER BY e.sequence DESC OFFSET :offset LIMIT :limit");
        where.parameters().forEach(statement::param);
        return statement.param("offset", offset).param("limit", limit).query(AuditLog::entry).list();
    }

    public int count(AuditQuery query) {
        var where = where(query);
        var statement = jdbc.sql("SELECT count(*) FROM audit_event e " + where.sql());
        where.parameters().forEach(statement::param);
        return statement.query(Integer.class).single();
    }

    /** Every action the trail holds, alphabetically; walks the action index rather than the whole table. */
    public List<String> actions() {
        return jdbc.sql("""
                WITH RECURSIVE known (action) AS (
                    SELECT min(action) FROM audit_event
                    UNION ALL
                    SELECT (SELECT min(e.action) FROM audit_event e WHERE e.action > known.action)
                    FROM known WHERE known.action IS NOT NULL)
                SELECT action FROM known WHERE action IS NOT NULL""")
                .query(String.class).list();
    }

    /** When the person signed in before their latest sign-in: where "since your last visit" begins. */
    public Optional<Instant> previousSignIn(String actor) {
        return jdbc.sql("""
                SELECT occurred_at FROM audit_event WHERE actor = :actor AND action = 'login'
                ORDER BY occurred_at DESC OFFSET 1 LIMIT 1""")
                .param("actor", actor)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The refused sign-ins and the waits they caused since the moment, the newest wait first. */
    public SignInTrouble signInTrouble(Instant since) {
        var refused = new int[2];
        var waits = new ArrayList<SignInTrouble.Wait>();
        jdbc.sql("""
                SELECT action, actor, subject, occurred_at FROM audit_event
                WHERE occurred_at >= :since AND outcome = 'REFUSED'
                  AND action IN ('login.failed', 'login.second-factor', 'login.while-locked', 'login.locked',
                                 'login.address-locked')
                ORDER BY occurred_at DESC""")
                .param("since", Timestamp.from(since))
                .query((row, number) -> {
                    switch (row.getString("action")) {
                        case "login.failed", "login.second-factor" -> refused[0]++;
                        case "login.while-locked" -> refused[1]++;
                        default -> waits.add(new SignInTrouble.Wait(row.getString("action").equals("login.address-locked"),
                                row.getString("actor"), row.getString("subject"), row.getTimestamp("occurred_at").toInstant()));
                    }
                    return null;
                })
                .list();
        return new SignInTrouble(refused[0], refused[1], waits);
    }

    private record Where(String sql, Map<String, Object> parameters) {
    }

    // Only the filters set become conditions, so each can use its index.
    private static Where where(AuditQuery query) {
        var conditions = new ArrayList<String>();
        var parameters = new LinkedHashMap<String, Object>();
        if (query.actor() != null) {
            conditions.add("e.actor = :actor");
            parameters.put("actor", query.actor());
        }
        if (query.action() != null) {
            conditions.add("e.action = :action");
            parameters.put("action", query.action());
        }
        if (query.caseId() != null) {
            conditions.add("e.case_id = :caseId");
            parameters.put("caseId", query.caseId());
        }
        if (query.clientCode() != null) {
            conditions.add("""
                    e.case_id IN (SELECT fc.id FROM therapy_case fc JOIN client fcl ON fcl.id = fc.client_id
                                  WHERE lower(fcl.code) = :clientCode)""");
            parameters.put("clientCode", query.clientCode().strip().toLowerCase(Locale.ROOT));
        }
        if (query.from() != null) {
            conditions.add("e.occurred_at >= :from");
            parameters.put("from", Timestamp.from(query.from()));
        }
        if (query.until() != null) {
            conditions.add("e.occurred_at < :until");
            parameters.put("until", Timestamp.from(query.until()));
        }
        return new Where(conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions), parameters);
    }

    private static AuditEntry entry(ResultSet row, int number) throws SQLException {
        return new AuditEntry(
                row.getLong("sequence"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getString("actor"),
                row.getString("display_name"),
                row.getString("action"),
                row.getObject("case_id") == null ? null : row.getLong("case_id"),
                row.getString("code"),
                Outcome.valueOf(row.getString("outcome")));
    }
}
