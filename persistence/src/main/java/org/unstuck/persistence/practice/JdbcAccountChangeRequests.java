package org.unstuck.persistence.practice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserId;
import org.unstuck.persistence.practice.AccountChangeRequest.Asked;
import org.unstuck.persistence.practice.AccountChangeRequest.Kind;
import org.unstuck.persistence.practice.AccountChangeRequest.Status;

/** The account changes that wait for a second person, and those decided, newest first. */
@Repository
public class JdbcAccountChangeRequests {

    private static final String COLUMNS = """
            id, kind, account_id, supervisor_id, username, display_name, roles, password_hash, requested_by, requested_at,
            status, decided_by, decided_at, version""";

    private final JdbcClient jdbc;

    JdbcAccountChangeRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public long ask(Asked asked, UserId by, Instant at) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO account_change_request (kind, account_id, supervisor_id, username, display_name, roles,
                                                    password_hash, requested_by, requested_at)
                VALUES (:kind, :account, :supervisor, :username, :displayName, :roles, :passwordHash, :by, :at)""")
                .param("kind", asked.kind().name())
                .param("account", asked.account() == null ? null : asked.account().value())
                .param("supervisor", asked.supervisor() == null ? null : asked.supervisor().value())
                .param("username", asked.username())
                .param("displayName", asked.displayName())
                .param("roles", asked.roles().isEmpty() ? null
                        : asked.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("passwordHash", asked.passwordHash())
                .param("by", by.value())
                .param("at", Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    @Transactional(readOnly = true)
    public Optional<AccountChangeRequest> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_change_request WHERE id = :id")
                .param("id", id).query(JdbcAccountChangeRequests::request).optional();
    }

    /** Waiting requests, oldest first, so the longest-waiting is dealt with first. */
    @Transactional(readOnly = true)
    public List<AccountChangeRequest> pending() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_change_request WHERE status = 'PENDING' ORDER BY requested_at, id")
                .query(JdbcAccountChangeRequests::request).list();
    }

    /** Requests decided since the given time, newest first. */
    @Transactional(readOnly = true)
    public List<AccountChangeRequest> decidedSince(Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_change_request WHERE status <> 'PENDING' AND decided_at >= :since "
                        + "ORDER BY decided_at DESC, id DESC")
                .param("since", Timestamp.from(since)).query(JdbcAccountChangeRequests::request).list();
    }

    /** Whether a request of this kind about this account (and supervisor) already waits. */
    @Transactional(readOnly = true)
    public boolean waiting(Kind kind, UserId account, @Nullable UserId supervisor) {
        return jdbc.sql("""
                SELECT count(*) FROM account_change_request
                WHERE status = 'PENDING' AND kind = :kind AND account_id = :account
                  AND supervisor_id IS NOT DISTINCT FROM :supervisor""")
                .param("kind", kind.name()).param("account", account.value())
                .param("supervisor", supervisor == null ? null : supervisor.value(), Types.BIGINT)
                .query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public boolean usernameAskedFor(String username) {
        return jdbc.sql("SELECT count(*) FROM account_change_request WHERE status = 'PENDING' AND username = :username")
                .param("username", username).query(Long.class).single() > 0;
    }

    /** Records the decision on a request still waiting at the version read; the password hash is dropped. */
    @Transactional
    public void decide(long id, long readVersion, Status decision, UserId by, Instant at) {
        var changed = jdbc.sql("""
                UPDATE account_change_request
                SET status = :status, decided_by = :by, decided_at = :at, password_hash = NULL, version = version + 1
                WHERE id = :id AND version = :version AND status = 'PENDING'""")
                .param("status", decision.name())
                .param("by", by.value())
                .param("at", Timestamp.from(at))
                .param("id", id)
                .param("version", readVersion)
                .update();
        if (changed == 0) {
            throw new ConcurrentChangeException("this request");
        }
    }

    private static AccountChangeRequest request(ResultSet row, int number) throws SQLException {
        var roles = row.getString("roles");
        return new AccountChangeRequest(row.getLong("id"), Kind.valueOf(row.getString("kind")),
                userId(row, "account_id"), userId(row, "supervisor_id"), row.getString("username"),
                row.getString("display_name"),
                roles == null ? Set.of() : Arrays.stream(roles.split(",")).map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))),
                row.getString("password_hash"), new UserId(row.getLong("requested_by")),
                row.getTimestamp("requested_at").toInstant(), Status.valueOf(row.getString("status")),
                userId(row, "decided_by"),
                row.getTimestamp("decided_at") == null ? null : row.getTimestamp("decided_at").toInstant(),
                row.getLong("version"));
    }

    private static @Nullable UserId userId(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, Long.class);
        return value == null ? null : new UserId(value);
    }
}
