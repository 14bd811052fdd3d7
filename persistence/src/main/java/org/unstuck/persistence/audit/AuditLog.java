package org.unstuck.persistence.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
