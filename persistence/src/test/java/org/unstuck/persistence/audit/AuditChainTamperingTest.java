package org.unstuck.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.unstuck.domain.audit.AuditEvent;
import org.unstuck.domain.audit.AuditEvent.Outcome;
import org.unstuck.domain.audit.AuditTrail;
import org.unstuck.domain.audit.ChainVerification.Break;
import org.unstuck.domain.audit.ChainVerification.Problem;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.persistence.PostgresTest;

/**
 * Tampering as the server's superuser, who can switch the append-only guard off. Each test gets a
 * database of its own, since each leaves its chain broken.
 */
@PostgresTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AuditChainTamperingTest {

    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;
    @Value("${spring.datasource.url}") String url;
    @Value("${unstuck.test.database.admin-username}") String adminUsername;
    @Value("${unstuck.test.database.admin-password}") String adminPassword;

    private void recordEntries(int count) {
        for (var entry = 0; entry < count; entry++) {
            trail.record(new AuditEvent(Instant.now().truncatedTo(ChronoUnit.MICROS), "therapist" + (entry % 3), "case.read",
                    new CaseId(900 + entry % 5), "note " + entry, Outcome.ALLOWED, null));
        }
    }

    private void asSuperuser(String... statements) throws SQLException {
        try (var admin = DriverManager.getConnection(url, adminUsername, adminPassword);
             var statement = admin.createStatement()) {
            statement.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            for (var sql : statements) {
                statement.execute(sql);
            }
            statement.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
        }
    }

    @Test
    void an_edited_entry_is_found_even_when_every_later_hash_is_recomputed_without_the_key() throws SQLException {
        recordEntries(20);
        assertThat(trail.verify().intact()).isTrue();

        // The attacker knows the hash layout but not the key: the best they can do is hash with a key of their own.
        var guessedKey = AuditChainKey.of("a-key-the-attacker-made-up-32-bytes!!".getBytes());
        asSuperuser("UPDATE audit_event SET actor = 'someone-else' WHERE sequence = 7");
        var previous = jdbc.sql("SELECT hash FROM audit_event WHERE sequence = 6").query(String.class).single();
        for (long sequence = 7; sequence <= 20; sequence++) {
            var row = jdbc.sql("SELECT occurred_at, actor, action, case_id, subject, outcome, reason FROM audit_event "
                    + "WHERE sequence = :sequence").param("sequence", sequence).query().singleRow();
            var forged = guessedKey.hash(previous, sequence, ((java.sql.Timestamp) row.get("occurred_at")).toInstant(),
                    (String) row.get("actor"), (String) row.get("action"), (Long) row.get("case_id"),
                    (String) row.get("subject"), (String) row.get("outcome"), (String) row.get("reason"));
            asSuperuser("UPDATE audit_event SET previous_hash = '" + previous + "', hash = '" + forged + "' WHERE sequence = "
                    + sequence);
            previous = forged;
        }

        assertThat(trail.verify().firstBreak()).contains(new Break(7, Problem.HASH_MISMATCH));
    }

    @Test
    void an_entry_rewritten_with_the_databases_own_unkeyed_hash_is_found() throws SQLException {
        recordEntries(10);
        asSuperuser("""
                UPDATE audit_event SET keyed = FALSE, reason = 'nothing to see',
                    hash = audit_event_hash(previous_hash, sequence, occurred_at, actor, action, case_id, subject, outcome,
                                            'nothing to see')
                WHERE sequence = 10""");

        assertThat(trail.verify().firstBreak()).contains(new Break(10, Problem.UNKEYED_AFTER_KEYED));
    }

    @Test
    void deleting_the_newest_entries_is_found_against_the_exported_head() throws SQLException {
        recordEntries(60);
        var exported = trail.verify();
        assertThat(exported.intact()).isTrue();
        assertThat(exported.head().sequence()).isEqualTo(60);

        asSuperuser("DELETE FROM audit_event WHERE sequence > 10");

        assertThat(trail.verify().intact()).as("the rest of the chain is consistent in itself").isTrue();
        var against = trail.verify(List.of(exported.head()));
        assertThat(against.firstBreak()).contains(new Break(11, Problem.EXPORTED_HEAD_MISSING));
        assertThat(against.anchorsChecked()).isEqualTo(1);
    }

    @Test
    void a_deleted_entry_in_the_middle_is_a_gap() throws SQLException {
        recordEntries(12);
        asSuperuser("DELETE FROM audit_event WHERE sequence = 5");

        assertThat(trail.verify().firstBreak()).isEqualTo(Optional.of(new Break(6, Problem.SEQUENCE_GAP)));
    }
}
