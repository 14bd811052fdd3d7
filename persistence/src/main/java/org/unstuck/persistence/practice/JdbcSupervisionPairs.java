package org.unstuck.persistence.practice;

import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.practice.UnsupervisedCaseload;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;

@Repository
@Transactional(readOnly = true)
class JdbcSupervisionPairs implements SupervisionPairs {

    private final JdbcClient jdbc;
    private final UserAccountJpaRepository accounts;

    JdbcSupervisionPairs(JdbcClient jdbc, UserAccountJpaRepository accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public void add(UserId supervisor, UserId therapist) {
        jdbc.sql("""
                INSERT INTO supervision_pair (supervisor_id, therapist_id) VALUES (:supervisor, :therapist)
                ON CONFLICT DO NOTHING""")
                .param("supervisor", supervisor.value())
                .param("therapist", therapist.value())
                .update();
    }

    @Override
    @Transactional
    public void remove(UserId supervisor, UserId therapist) {
        jdbc.sql("DELETE FROM supervision_pair WHERE supervisor_id = :supervisor AND therapist_id = :therapist")
                .param("supervisor", supervisor.value())
                .param("therapist", therapist.value())
                .update();
    }

    @Override
    public List<UserAccount> superviseesOf(UserId supervisor) {
        return accountsWithIds(jdbc.sql("SELECT therapist_id FROM supervision_pair WHERE supervisor_id = :id")
                .param("id", supervisor.value()).query(Long.class).list());
    }

    @Override
    public List<UserAccount> supervisorsOf(UserId therapist) {
        return accountsWithIds(jdbc.sql("SELECT supervisor_id FROM supervision_pair WHERE therapist_id = :id")
                .param("id", therapist.value()).query(Long.class).list());
    }

    @Override
    public List<UnsupervisedCaseload> unsupervisedCaseloads() {
        return jdbc.sql("""
                SELECT u.id, u.username, u.display_name, count(*) AS open_cases
                FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE c.closed_on IS NULL
                  AND NOT EXISTS (SELECT 1 FROM supervision_pair pair JOIN user_account supervisor ON supervisor.id = pair.supervisor_id
                                  JOIN user_role role ON role.user_id = supervisor.id AND role.role = 'SUPERVISOR'
                                  WHERE pair.therapist_id = c.therapist_id AND supervisor.enabled)
                GROUP BY u.id, u.username, u.display_name
                ORDER BY u.display_name, u.id""")
                .query((row, number) -> new UnsupervisedCaseload(new UserId(row.getLong("id")),
                        new Username(row.getString("username")), row.getString("display_name"), row.getInt("open_cases")))
                .list();
    }

    private List<UserAccount> accountsWithIds(List<Long> ids) {
        return accounts.findAllById(ids).stream()
                .map(JpaUserAccounts::toDomain)
                .sorted(Comparator.comparing(UserAccount::displayName))
                .toList();
    }
}
