package org.unstuck.persistence.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialPolicies;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.practice.UserId;

/**
 * The practice manager's overview: every therapist's caseload counts and credential statuses. By
 * design it reads no clinical column: no scores, notes, problems, approaches or client codes.
 */
@Repository
@Transactional(readOnly = true)
public class PracticeOverview {

    private final JdbcClient jdbc;
    private final CredentialPolicies policies;

    PracticeOverview(JdbcClient jdbc, CredentialPolicies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    private record Counts(long id, String name, String username, int open, int closedLastYear) {
    }

    public List<TherapistOverviewRow> therapists(LocalDate today) {
        var therapists = jdbc.sql("""
                SELECT u.id, u.display_name, u.username,
                       (SELECT count(*) FROM therapy_case c WHERE c.therapist_id = u.id AND c.closed_on IS NULL),
                       (SELECT count(*) FROM therapy_case c WHERE c.therapist_id = u.id AND c.closed_on > :yearAgo)
                FROM user_account u JOIN user_role r ON r.user_id = u.id AND r.role = 'THERAPIST'
                WHERE u.enabled ORDER BY u.display_name""")
                .param("yearAgo", today.minusYears(1))
                .query((row, number) -> new Counts(row.getLong(1), row.getString(2), row.getString(3), row.getInt(4),
                        row.getInt(5)))
                .list();
        Map<Long, List<Credential>> credentials = new HashMap<>();
        jdbc.sql("""
                SELECT id, version, therapist_id, credential_type, title, number, issuing_body, jurisdiction,
                       valid_from, valid_to FROM credential""")
                .query((row, number) -> credentials.computeIfAbsent(row.getLong("therapist_id"), id -> new ArrayList<>())
                        .add(new Credential(row.getLong("id"), row.getLong("version"), new UserId(row.getLong("therapist_id")),
                                CredentialType.valueOf(row.getString("credential_type")), row.getString("title"),
                                row.getString("number"), row.getString("issuing_body"), row.getString("jurisdiction"),
                                row.getObject("valid_from", LocalDate.class), row.getObject("valid_to", LocalDate.class),
                                null)))
                .list();
        Map<Long, List<CpdEntry>> cpd = new HashMap<>();
        jdbc.sql("SELECT therapist_id, entry_date, hours, topic FROM cpd_entry WHERE entry_date > :yearAgo")
                .param("yearAgo", today.minusYears(1))
                .query((row, number) -> cpd.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                        .add(new CpdEntry(new UserId(row.getLong(1)), row.getObject(2, LocalDate.class),
                                row.getBigDecimal(3).doubleValue(), row.getString(4))))
                .list();
        var policy = policies.current().value();
        return therapists.stream().map(counts -> new TherapistOverviewRow(counts.id(), counts.name(), counts.username(),
                counts.open(), counts.closedLastYear(), TherapistCompliance.assess(new UserId(counts.id()),
                        credentials.getOrDefault(counts.id(), List.of()), cpd.getOrDefault(counts.id(), List.of()), policy,
                        today))).toList();
    }
}
