package org.unstuck.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.domain.InvalidDataException;
import org.unstuck.domain.practice.Role;

/** Every constraint of the schema has a message a person can read, and every message names a real constraint. */
@PostgresTest
class ConstraintMessagesTest {

    /** Raised by the schema's trigger functions, with messages of their own. */
    private static final Set<String> RAISED_BY_TRIGGERS = Set.of("session_score_in_range", "session_score_only_when_attended",
            "practice_profile_time_zone_known", "review_meeting_has_attendee", "audit_event_follows_last",
            "account_change_request_decided_once", "session_score_items_fit", "session_score_items_add_up",
            "risk_alert_answer_by_risk_decision");

    private final ResourceBundle messages = ResourceBundle.getBundle("org.unstuck.persistence.constraints");

    @Autowired JdbcClient jdbc;
    @Autowired PracticeFixture practice;

    private Set<String> schemaConstraints() {
        return new TreeSet<>(jdbc.sql("""
                SELECT con.conname FROM pg_constraint con
                JOIN pg_class rel ON rel.oid = con.conrelid
                JOIN pg_namespace ns ON ns.oid = rel.relnamespace
                WHERE ns.nspname = 'public' AND rel.relname <> 'flyway_schema_history'
                  AND con.contype IN ('c', 'u', 'f', 'p')
                UNION
                SELECT idx.relname FROM pg_index i
                JOIN pg_class idx ON idx.oid = i.indexrelid
                JOIN pg_namespace ns ON ns.oid = idx.relnamespace
                WHERE ns.nspname = 'public' AND i.indisunique AND i.indpred IS NOT NULL""").query(String.class).list());
    }

    @Test
    void every_constraint_has_a_message() {
        var missing = new TreeSet<>(schemaConstraints());
        missing.removeAll(messages.keySet());
        assertThat(missing).as("constraints without a message").isEmpty();
    }

    @Test
    void a_refusal_by_a_schema_check_keeps_its_own_sentence_with_the_numbers() {
        var therapist = practice.user("cora", Role.THERAPIST);
        var caseId = practice.openCase(therapist, LocalDate.of(2026, 10, 1));
        var sessionId = jdbc.sql("INSERT INTO therapy_session (case_id, session_date, attendance) VALUES (:id, :day, 'ATTENDED') "
                        + "RETURNING id").param("id", caseId.value()).param("day", LocalDate.of(2026, 10, 8))
                .query(Long.class).single();

        var refusal = catchThrowableOfType(DataIntegrityViolationException.class, () -> jdbc.sql(
                "INSERT INTO session_score (session_id, measure_code, score) VALUES (:id, 'GAD-7', 22)")
                .param("id", sessionId).update());

        assertThat(ConstraintMessages.translate(refusal)).hasMessage("GAD-7 scores are 0–21 with 0 decimals; got 22");
    }

    @Test
    void a_refusal_by_a_plain_constraint_reads_as_its_message() {
        var therapist = practice.user("carl", Role.THERAPIST);
        var refusal = catchThrowableOfType(DataIntegrityViolationException.class, () -> jdbc.sql(
                "INSERT INTO cpd_entry (therapist_id, entry_date, hours, topic) VALUES (:id, now(), 0, 'Ethics')")
                .param("id", therapist.value()).update());
        assertThat(ConstraintMessages.translate(refusal)).isInstanceOf(InvalidDataException.class)
                .hasMessage("CPD hours are more than 0 and at most 100 per entry.");
    }

    @Test
    void every_message_belongs_to_a_constraint_of_the_schema() {
        var unknown = new TreeSet<>(messages.keySet());
        unknown.removeAll(schemaConstraints());
        unknown.removeAll(RAISED_BY_TRIGGERS);
        assertThat(unknown).as("messages for constraints that do not exist").isEmpty();
    }
}
