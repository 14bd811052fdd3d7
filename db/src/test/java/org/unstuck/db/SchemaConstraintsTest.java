package org.unstuck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema itself refuses bad rows, whatever path they come by. */
class SchemaConstraintsTest {

    private Connection connection;

    @BeforeEach
    void migratedDatabaseWithOneCase() throws SQLException {
        var database = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password()).load().migrate();
        connection = database.connect();
        execute("""
                INSERT INTO user_account (username, display_name, password_hash) VALUES ('ann', 'Ann', 'x'), ('sup', 'Sup', 'x');
                INSERT INTO client (code) VALUES ('C-1');
                INSERT INTO therapy_case (client_id, presenting_problem, approach, primary_measure, alliance_measure,
                    opened_on, therapist_id)
                SELECT c.id, 'Low mood', 'CBT', 'PHQ-9', 'SRS', DATE '2026-01-01', u.id FROM client c, user_account u
                WHERE u.username = 'ann';
                INSERT INTO therapy_session (case_id, session_date, attendance) SELECT id, DATE '2026-01-08', 'ATTENDED'
                FROM therapy_case;
                INSERT INTO therapy_session (case_id, session_date, attendance) SELECT id, DATE '2026-01-15', 'NO_SHOW'
                FROM therapy_case;
                """);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private void execute(String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void a_score_outside_its_measures_range_is_refused_naming_the_measure_and_range() {
        assertThatThrownBy(() -> execute("""
                INSERT INTO session_score (session_id, measure_code, score)
                SELECT id, 'PHQ-9', 28 FROM therapy_session WHERE attendance = 'ATTENDED'"""))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("PHQ-9 scores are 0–27 with 0 decimals; got 28");
    }

    @Test
    void a_decimal_on_a_whole_point_measure_is_refused_and_one_decimal_on_srs_is_kept() throws SQLException {
        assertThatThrownBy(() -> execute("""
                INSERT INTO session_score (session_id, measure_code, score)
                SELECT id, 'PHQ-9', 12.5 FROM therapy_session WHERE attendance = 'ATTENDED'"""))
                .hasMessageContaining("PHQ-9 scores are 0–27");
        execute("""
                INSERT INTO session_score (session_id, measure_code, score)
                SELECT id, 'SRS', 35.5 FROM therapy_session WHERE attendance = 'ATTENDED'""");
        assertThat(count("SELECT count(*) FROM session_score")).isEqualTo(1);
    }

    @Test
    void a_missed_session_cannot_be_scored() {
        assertThatThrownBy(() -> execute("""
                INSERT INTO session_score (session_id, measure_code, score)
                SELECT id, 'PHQ-9', 10 FROM therapy_session WHERE attendance = 'NO_SHOW'"""))
                .hasMessageContaining("Only an attended session has scores");
    }

    @Test
    void homework_is_recorded_for_attended_sessions_only() {
        assertThatThrownBy(() -> execute("UPDATE therapy_session SET homework = 'NO' WHERE attendance = 'NO_SHOW'"))
                .hasMessageContaining("therapy_session_homework_only_when_attended");
    }

    @Test
    void a_case_has_one_session_a_day() {
        assertThatThrownBy(() -> execute("""
                INSERT INTO therapy_session (case_id, session_date, attendance) SELECT id, DATE '2026-01-08', 'CANCELLED'
                FROM therapy_case"""))
                .hasMessageContaining("therapy_session_one_a_day");
    }

    @Test
    void a_case_cannot_close_before_it_opened() {
        assertThatThrownBy(() -> execute("UPDATE therapy_case SET closed_on = DATE '2025-12-31'"))
                .hasMessageContaining("therapy_case_closed_after_opened");
    }

    private static final String A_DECISION = """
            INSERT INTO decision (case_id, decision_type, rationale, reasons, owner_id, follow_up_on, decided_by,
                decided_at, decided_on, status_at_decision)
            SELECT c.id, 'CONTINUE', 'Keep going', ARRAY['ALLIANCE'], c.therapist_id, DATE '2026-03-01', s.id, now(),
                DATE '2026-02-01', 'STALLED'
            FROM therapy_case c, user_account s WHERE s.username = 'sup'""";

    @Test
    void decisions_are_never_updated_or_deleted() throws SQLException {
        execute(A_DECISION);
        assertThatThrownBy(() -> execute("UPDATE decision SET rationale = 'rewritten'"))
                .hasMessageContaining("decision rows are a permanent record");
        assertThatThrownBy(() -> execute("DELETE FROM decision")).hasMessageContaining("permanent record");
        assertThatThrownBy(() -> execute("TRUNCATE decision CASCADE")).hasMessageContaining("permanent record");
        assertThat(count("SELECT count(*) FROM decision WHERE rationale = 'Keep going'")).isEqualTo(1);
    }

    @Test
    void a_decision_without_reasons_or_with_a_follow_up_before_it_is_refused() {
        assertThatThrownBy(() -> execute(A_DECISION.replace("ARRAY['ALLIANCE']", "ARRAY[]::VARCHAR(24)[]")))
                .hasMessageContaining("decision_has_reasons");
        assertThatThrownBy(() -> execute(A_DECISION.replace("DATE '2026-03-01'", "DATE '2026-01-01'")))
                .hasMessageContaining("decision_follow_up_after_decision");
        assertThatThrownBy(() -> execute(A_DECISION.replace("'CONTINUE'", "'CHANGE_APPROACH'")))
                .hasMessageContaining("decision_change_approach_complete");
    }

    @Test
    void the_credential_policy_always_requires_licence_and_insurance() {
        assertThatThrownBy(() -> execute("UPDATE credential_policy SET required_types = ARRAY['LICENCE']"))
                .hasMessageContaining("credential_policy_licence_and_insurance");
    }

    @Test
    void a_licence_without_an_end_date_is_refused() {
        assertThatThrownBy(() -> execute("""
                INSERT INTO credential (therapist_id, credential_type, title, number, issuing_body, jurisdiction, valid_from)
                SELECT id, 'LICENCE', 'Licence', 'L-1', 'Board', 'UK', DATE '2026-01-01' FROM user_account LIMIT 1"""))
                .hasMessageContaining("credential_expiring_types_end");
    }

    @Test
    void note_versions_are_never_rewritten() throws SQLException {
        execute("""
                INSERT INTO reflective_note (case_id, author_id) SELECT id, therapist_id FROM therapy_case;
                INSERT INTO reflective_note_version (note_id, version_number, relationship, hard_to_work_with, written_at)
                SELECT id, 1, 'Guarded', FALSE, now() FROM reflective_note;""");
        assertThatThrownBy(() -> execute("UPDATE reflective_note_version SET relationship = 'Warm'"))
                .hasMessageContaining("permanent record");
    }

    /** The next entry of the chain as the application writes it; the key's hash itself is the application's. */
    private static String nextAuditEntry(String actor, String outcome, String hash) {
        return """
                INSERT INTO audit_event (sequence, occurred_at, actor, action, outcome, previous_hash, hash)
                SELECT coalesce(max(sequence), 0) + 1, now(), '%s', 'case.read', '%s',
                       coalesce((SELECT hash FROM audit_event ORDER BY sequence DESC LIMIT 1), repeat('0', 64)), '%s'
                FROM audit_event""".formatted(actor, outcome, hash);
    }

    @Test
    void audit_rows_follow_the_last_one_and_cannot_be_changed() throws SQLException {
        execute(nextAuditEntry("ann", "ALLOWED", "a".repeat(64)));
        execute(nextAuditEntry("bob", "REFUSED", "b".repeat(64)));
        assertThat(count("""
                SELECT count(*) FROM audit_event e
                WHERE e.keyed AND e.previous_hash = coalesce((SELECT p.hash FROM audit_event p WHERE p.sequence = e.sequence - 1),
                    repeat('0', 64))""")).isEqualTo(count("SELECT count(*) FROM audit_event"));
        assertThatThrownBy(() -> execute("""
                INSERT INTO audit_event (sequence, occurred_at, actor, action, outcome, previous_hash, hash)
                SELECT max(sequence) + 1, now(), 'eve', 'case.read', 'ALLOWED', repeat('0', 64), repeat('c', 64)
                FROM audit_event""")).hasMessageContaining("must follow entry");
        assertThatThrownBy(() -> execute(nextAuditEntry("eve", "ALLOWED", "not a hash")))
                .hasMessageContaining("audit_event_hash_format");
        assertThatThrownBy(() -> execute("UPDATE audit_event SET actor = 'someone'")).hasMessageContaining("permanent record");
        assertThatThrownBy(() -> execute("DELETE FROM audit_event")).hasMessageContaining("permanent record");
        assertThatThrownBy(() -> execute("TRUNCATE audit_event")).hasMessageContaining("permanent record");
    }

    @Test
    void break_glass_access_states_a_reason() {
        assertThatThrownBy(() -> execute(nextAuditEntry("ann", "BREAK_GLASS", "d".repeat(64))))
                .hasMessageContaining("audit_event_break_glass_has_reason");
    }

    @Test
    void a_chain_check_that_failed_names_its_first_bad_entry() {
        assertThatThrownBy(() -> execute("""
                INSERT INTO audit_chain_check (checked_at, entries_checked, head_sequence, anchors_checked, outcome)
                VALUES (now(), 10, 10, 0, 'BROKEN')""")).hasMessageContaining("audit_chain_check_break_named");
    }

    @Test
    void an_account_change_is_approved_by_a_second_person_and_decided_once() throws SQLException {
        execute("""
                INSERT INTO user_account (username, display_name, password_hash) VALUES
                    ('asker', 'Asker', 'x'), ('approver', 'Approver', 'x'), ('grantee', 'Grantee', 'x');
                INSERT INTO account_change_request (kind, account_id, roles, requested_by, requested_at)
                SELECT 'ROLE_GRANT', g.id, 'THERAPIST', a.id, now() FROM user_account g, user_account a
                WHERE g.username = 'grantee' AND a.username = 'asker';""");
        assertThatThrownBy(() -> execute("""
                UPDATE account_change_request SET status = 'APPROVED', decided_at = now(),
                    decided_by = (SELECT id FROM user_account WHERE username = 'asker')"""))
                .hasMessageContaining("account_change_request_second_person");
        assertThatThrownBy(() -> execute("""
                UPDATE account_change_request SET status = 'APPROVED', decided_at = now(),
                    decided_by = (SELECT id FROM user_account WHERE username = 'grantee')"""))
                .hasMessageContaining("account_change_request_second_person");
        execute("""
                UPDATE account_change_request SET status = 'APPROVED', decided_at = now(),
                    decided_by = (SELECT id FROM user_account WHERE username = 'approver')""");
        assertThatThrownBy(() -> execute("UPDATE account_change_request SET status = 'REJECTED'"))
                .hasMessageContaining("permanent record");
        assertThatThrownBy(() -> execute("DELETE FROM account_change_request")).hasMessageContaining("permanent record");
        assertThatThrownBy(() -> execute("""
                INSERT INTO account_change_request (kind, account_id, password_hash, requested_by, requested_at, status,
                    decided_by, decided_at)
                SELECT 'PASSWORD_RESET', g.id, 'kept', a.id, now(), 'REJECTED', p.id, now()
                FROM user_account g, user_account a, user_account p
                WHERE g.username = 'grantee' AND a.username = 'asker' AND p.username = 'approver'"""))
                .hasMessageContaining("account_change_request_password_while_pending");
    }

    @Test
    void a_case_closes_with_a_known_reason_and_not_before_its_last_session() throws SQLException {
        assertThatThrownBy(() -> execute("UPDATE therapy_case SET closed_on = DATE '2026-02-01'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("therapy_case_closed_with_reason");
        assertThatThrownBy(() -> execute("UPDATE therapy_case SET closed_on = DATE '2026-02-01', closing_reason = 'HAPPY'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("therapy_case_closing_reason_known");
        assertThatThrownBy(() -> execute("UPDATE therapy_case SET closed_on = DATE '2026-01-10', closing_reason = 'DISCHARGED'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("The case's last session was on 2026-01-15; it cannot close before that");

        execute("UPDATE therapy_case SET closed_on = DATE '2026-01-20', closing_reason = 'DROPPED_OUT'");
        assertThatThrownBy(() -> execute("""
                INSERT INTO therapy_session (case_id, session_date, attendance) SELECT id, DATE '2026-01-22', 'NO_SHOW'
                FROM therapy_case"""))
                .isInstanceOf(SQLException.class).hasMessageContaining("The case closed on 2026-01-20; a session cannot be later");
    }

    @Test
    void a_voided_session_has_its_reason_frees_its_day_and_is_never_changed_again() throws SQLException {
        assertThatThrownBy(() -> execute("UPDATE therapy_session SET voided_at = now() WHERE attendance = 'NO_SHOW'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("therapy_session_void_complete");
        execute("""
                UPDATE therapy_session SET voided_at = now(), voided_by = (SELECT id FROM user_account WHERE username = 'ann'),
                    void_reason = 'Wrong client' WHERE attendance = 'NO_SHOW'""");
        execute("""
                INSERT INTO therapy_session (case_id, session_date, attendance) SELECT id, DATE '2026-01-15', 'CANCELLED'
                FROM therapy_case""");

        assertThatThrownBy(() -> execute("UPDATE therapy_session SET void_reason = 'Changed my mind' WHERE attendance = 'NO_SHOW'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("A voided session is kept as it was voided");
        assertThatThrownBy(() -> execute("DELETE FROM therapy_session WHERE attendance = 'NO_SHOW'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("A voided session is kept as it was voided");
        assertThat(count("SELECT count(*) FROM therapy_session WHERE session_date = DATE '2026-01-15'")).isEqualTo(2);
    }

    @Test
    void the_practice_dates_cases_back_one_to_one_hundred_and_twenty_months() throws SQLException {
        assertThat(count("SELECT earliest_months_back FROM case_opening_policy")).isEqualTo(24);
        assertThatThrownBy(() -> execute("UPDATE case_opening_policy SET earliest_months_back = 0"))
                .isInstanceOf(SQLException.class).hasMessageContaining("case_opening_policy_months_range");
    }
}
