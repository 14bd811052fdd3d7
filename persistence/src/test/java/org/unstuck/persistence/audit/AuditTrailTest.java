package org.unstuck.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.domain.audit.AuditEvent;
import org.unstuck.domain.audit.AuditEvent.Outcome;
import org.unstuck.domain.audit.AuditTrail;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.persistence.PostgresTest;

@PostgresTest
class AuditTrailTest {

    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;

    private static AuditEvent event(String actor, String action, long caseId, Outcome outcome) {
        return new AuditEvent(Instant.now().truncatedTo(ChronoUnit.MICROS), actor, action, new CaseId(caseId), null,
                outcome, outcome == Outcome.BREAK_GLASS ? "Covering for a colleague on leave" : null);
    }

    @Test
    void entries_come_back_in_order_and_the_chain_verifies() {
        var first = event("therapist1", "case.read", 901, Outcome.ALLOWED);
        var second = event("therapist2", "case.read", 901, Outcome.REFUSED);
        var third = event("supervisor1", "case.read", 901, Outcome.BREAK_GLASS);
        trail.record(first);
        trail.record(second);
        trail.record(third);

        assertThat(trail.aboutCase(new CaseId(901))).containsExactly(first, second, third);
        var verification = trail.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entriesChecked()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void writers_in_parallel_each_follow_the_last_entry() throws Exception {
        var writers = Executors.newFixedThreadPool(4);
        try {
            var done = new ArrayList<Future<?>>();
            for (var writer = 0; writer < 4; writer++) {
                var actor = "therapist" + writer;
                done.add(writers.submit(() -> {
                    for (var entry = 0; entry < 25; entry++) {
                        trail.record(event(actor, "case.read", 906, Outcome.ALLOWED));
                    }
                }));
            }
            for (var writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(trail.aboutCase(new CaseId(906))).hasSize(100);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void an_entry_that_does_not_follow_the_last_one_is_refused() {
        trail.record(event("therapist1", "case.read", 907, Outcome.ALLOWED));
        var last = jdbc.sql("SELECT sequence FROM audit_event ORDER BY sequence DESC LIMIT 1").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO audit_event (sequence, occurred_at, actor, action, outcome, previous_hash, hash)
                VALUES (:sequence, now(), 'eve', 'case.read', 'ALLOWED', repeat('0', 64), repeat('a', 64))""")
                .param("sequence", last + 5).update())
                .rootCause().hasMessageContaining("must follow entry " + last);
    }

    @Test
    void a_break_glass_access_lasts_from_its_stated_reason_for_the_window_asked_about() {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var caseId = new CaseId(903);
        trail.record(new AuditEvent(now.minus(13, ChronoUnit.HOURS), "therapist3", "case.break-glass", caseId, null,
                Outcome.BREAK_GLASS, "Yesterday's crisis call, long over"));
        var since = now.minus(12, ChronoUnit.HOURS);
        assertThat(trail.breakGlassReason("therapist3", caseId, since)).isEmpty();

        trail.record(new AuditEvent(now.minus(1, ChronoUnit.HOURS), "therapist3", "case.break-glass", caseId, null,
                Outcome.BREAK_GLASS, "Client in crisis, their therapist away"));
        trail.record(new AuditEvent(now, "therapist3", "case.read", caseId, null, Outcome.BREAK_GLASS, "a read, not a grant"));
        assertThat(trail.breakGlassReason("therapist3", caseId, since)).contains("Client in crisis, their therapist away");
        assertThat(trail.breakGlassReason("therapist4", caseId, since)).as("the grant is the asker's").isEmpty();
        assertThat(trail.breakGlassReason("therapist3", new CaseId(904), since)).isEmpty();
    }

    @Test
    void control_characters_cannot_forge_a_second_entry() {
        var forged = new AuditEvent(Instant.now(), "eve\r\n2026-01-01 admin", "case.read", null, "note 1\nnote 2",
                Outcome.REFUSED, null);
        assertThat(forged.actor()).doesNotContain("\n", "\r");
        assertThat(forged.subject()).isEqualTo("note 1 note 2");
    }

    @Test
    void the_application_role_cannot_switch_off_a_trigger_rewrite_the_record_or_replicate_around_it() {
        var recorded = event("therapist1", "case.read", 905, Outcome.ALLOWED);
        trail.record(recorded);
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("unstuck_app");

        assertThatThrownBy(() -> jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only").update())
                .rootCause().hasMessageContaining("must be owner of table audit_event");
        assertThatThrownBy(() -> jdbc.sql("ALTER TABLE decision DISABLE TRIGGER ALL").update())
                .rootCause().hasMessageContaining("must be owner of table decision");
        assertThatThrownBy(() -> jdbc.sql("SET session_replication_role = replica").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone-else' WHERE case_id = 905").update())
                .rootCause().hasMessageContaining("permanent record");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE case_id = 905").update())
                .rootCause().hasMessageContaining("permanent record");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM flyway_schema_history").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("CREATE TEMP TABLE copied AS SELECT * FROM audit_event").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThat(trail.aboutCase(new CaseId(905))).containsExactly(recorded);
        assertThat(trail.verify().intact()).isTrue();
    }
}
