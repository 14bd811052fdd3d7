package org.unstuck.web.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.audit.AuditTrail;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.Rule;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.CaseNotFoundException;
import org.unstuck.web.common.InvalidEntryException;

/** Break-glass access: only with a stated reason, read only, for a limited time, every read flagged. */
@UnstuckAppTest
class EmergencyAccessTest {

    private static final String REASON = "Client phoned in crisis; therapist1 is on leave until Monday.";

    @Autowired CaseloadService caseload;
    @Autowired AuditTrail trail;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    private record Client(long caseId, String code) {
    }

    /** The latest case of a client of therapist1's that has no later case, so the client code names it. */
    private Client clientOf(String therapist) {
        return jdbc.sql("""
                SELECT c.id, cl.code FROM therapy_case c JOIN client cl ON cl.id = c.client_id
                JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = :therapist AND c.closed_on IS NULL
                  AND NOT EXISTS (SELECT 1 FROM therapy_case later WHERE later.client_id = c.client_id AND later.id > c.id)
                ORDER BY c.id DESC LIMIT 1""")
                .param("therapist", therapist)
                .query((row, number) -> new Client(row.getLong(1), row.getString(2)))
                .single();
    }

    private List<String> flagged(String actor, long caseId) {
        return jdbc.sql("""
                SELECT action || ': ' || reason FROM audit_event
                WHERE actor = :actor AND case_id = :caseId AND outcome = 'BREAK_GLASS' ORDER BY sequence""")
                .param("actor", actor).param("caseId", caseId).query(String.class).list();
    }

    @Test
    @WithUserDetails("supervisor2")
    void a_stated_reason_opens_a_case_outside_ones_team_read_only_and_every_read_is_flagged() {
        var client = clientOf("therapist1");
        assertThatThrownBy(() -> caseload.casePage(client.caseId())).isInstanceOf(CaseNotFoundException.class);

        assertThat(caseload.breakGlass(" " + client.code() + " ", REASON)).isEqualTo(client.caseId());
        var page = caseload.casePage(client.caseId());

        assertThat(page.emergencyReason()).isEqualTo(REASON);
        assertThat(page.mayRecord()).isFalse();
        assertThat(page.mayWriteNotes()).isFalse();
        assertThat(page.mayDecide()).isFalse();
        assertThat(page.notes()).as("reflective notes stay with the therapist and their supervisors").isEmpty();
        assertThat(flagged("supervisor2", client.caseId()))
                .containsExactly("case.break-glass: " + REASON, "case.read: " + REASON);
        assertThatThrownBy(() -> caseload.recordSession(client.caseId(), new SessionEntry(LocalDate.now(), Attendance.ATTENDED,
                Map.of(), Homework.NOT_SET))).isInstanceOf(CaseNotFoundException.class);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    @WithUserDetails("therapist4")
    void under_emergency_access_no_signal_tells_what_a_reflective_note_says() {
        var reticent = jdbc.sql("""
                SELECT c.id, cl.code FROM therapy_case c JOIN client cl ON cl.id = c.client_id
                JOIN case_progress_signal s ON s.case_id = c.id AND s.rule = 'THERAPIST_RETICENCE'
                WHERE c.closed_on IS NULL
                  AND NOT EXISTS (SELECT 1 FROM therapy_case later WHERE later.client_id = c.client_id AND later.id > c.id)
                ORDER BY c.id LIMIT 1""")
                .query((row, number) -> new Client(row.getLong(1), row.getString(2))).single();

        caseload.breakGlass(reticent.code(), REASON);
        var page = caseload.casePage(reticent.caseId());

        var progress = Objects.requireNonNull(page.progress());
        assertThat(progress.signals()).extracting(signal -> signal.rule()).doesNotContain(Rule.THERAPIST_RETICENCE);
        assertThat(progress.status()).as("the status rests on the signals shown, not on the note")
                .isEqualTo(progress.signals().stream().map(signal -> CaseStatus.of(signal.severity()))
                        .max(Comparator.naturalOrder()).orElse(CaseStatus.ON_TRACK));
    }

    @Test
    @WithUserDetails("supervisor2")
    void without_a_real_reason_or_a_known_client_nothing_opens_and_the_answer_names_the_field() {
        var client = clientOf("therapist2");
        assertThatThrownBy(() -> caseload.breakGlass(client.code(), "urgent"))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused -> assertThat(refused.fieldErrors())
                        .containsOnlyKeys("reason")
                        .containsEntry("reason", "State the reason in at least 20 characters; this one has 6."));
        assertThatThrownBy(() -> caseload.breakGlass("no such client!", REASON))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused -> assertThat(refused.fieldErrors())
                        .containsOnlyKeys("client"));
        assertThatThrownBy(() -> caseload.breakGlass("Z-99999", REASON))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("client", "No case has the client code Z-99999."));
        assertThat(flagged("supervisor2", client.caseId())).isEmpty();
        assertThatThrownBy(() -> caseload.casePage(client.caseId())).isInstanceOf(CaseNotFoundException.class);
    }

    @Test
    @WithUserDetails("therapist3")
    void the_access_belongs_to_the_person_who_stated_the_reason() {
        var client = clientOf("therapist2");
        caseload.breakGlass(client.code(), REASON);
        assertThat(caseload.casePage(client.caseId()).emergencyReason()).isEqualTo(REASON);

        TestSignIn.as(users, "therapist1");
        assertThatThrownBy(() -> caseload.casePage(client.caseId())).isInstanceOf(CaseNotFoundException.class);
    }

    @Test
    @WithUserDetails("manager")
    void the_practice_manager_and_the_admin_cannot_break_glass() {
        var client = clientOf("therapist1");
        assertThatThrownBy(() -> caseload.breakGlass(client.code(), REASON)).isInstanceOf(AccessDeniedException.class);
        TestSignIn.as(users, "admin");
        assertThatThrownBy(() -> caseload.breakGlass(client.code(), REASON)).isInstanceOf(AccessDeniedException.class);
    }
}
