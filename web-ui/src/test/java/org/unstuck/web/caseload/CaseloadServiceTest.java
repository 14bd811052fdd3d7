package org.unstuck.web.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.credential.TherapistNotReadyException;
import org.unstuck.domain.notes.NotePrompt;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.persistence.board.BoardFilter;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.CaseNotFoundException;
import org.unstuck.web.common.InvalidEntryException;

/** The caseload use cases called directly, as each role: allowed, refused, audited. */
@UnstuckAppTest
class CaseloadServiceTest {

    @Autowired CaseloadService caseload;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    private long caseOf(String username, String measure) {
        return jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = :username AND c.primary_measure = :measure AND c.closed_on IS NULL
                ORDER BY c.id LIMIT 1""")
                .param("username", username).param("measure", measure).query(Long.class).single();
    }

    private int refusals(String actor, long caseId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :actor AND case_id = :id AND outcome = 'REFUSED'")
                .param("actor", actor).param("id", caseId).query(Integer.class).single();
    }

    private int sessionsOf(long caseId) {
        return jdbc.sql("SELECT count(*) FROM therapy_session WHERE case_id = :id").param("id", caseId).query(Integer.class).single();
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_sees_only_their_own_caseload_most_severe_first() {
        var rows = caseload.myCases(BoardFilter.everything(), false, 0, 100);
        var mine = jdbc.sql("SELECT count(*) FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id "
                + "WHERE u.username = 'therapist1' AND c.closed_on IS NULL").query(Integer.class).single();
        assertThat(rows).hasSize(mine);
        assertThat(caseload.countMyCases(BoardFilter.everything(), false)).isEqualTo(mine);
        assertThat(rows).extracting(row -> row.status().severityRank())
                .isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(caseload.myCases(new BoardFilter(null, null, CaseStatus.ON_TRACK), false, 0, 100))
                .allSatisfy(row -> assertThat(row.status()).isEqualTo(CaseStatus.ON_TRACK));
    }

    @Test
    @WithUserDetails("therapist1")
    void another_therapists_case_answers_not_found_and_the_attempt_is_audited() {
        var theirs = caseOf("therapist3", "PHQ-9");
        var before = refusals("therapist1", theirs);

        assertThatThrownBy(() -> caseload.casePage(theirs)).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> caseload.recordSession(theirs, new SessionEntry(LocalDate.now(), Attendance.CANCELLED,
                Map.of(), null))).isInstanceOf(CaseNotFoundException.class);

        assertThat(refusals("therapist1", theirs)).isEqualTo(before + 2);
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_supervisor_reads_a_supervisees_case_but_records_nothing_on_it() {
        var supervisees = caseOf("therapist1", "PHQ-9");
        var page = caseload.casePage(supervisees);
        assertThat(page.mayRecord()).isFalse();
        assertThat(page.mayWriteNotes()).isFalse();
        assertThatThrownBy(() -> caseload.recordSession(supervisees, new SessionEntry(LocalDate.now(), Attendance.CANCELLED,
                Map.of(), null))).isInstanceOf(AccessDeniedException.class);

        TestSignIn.as(users, "supervisor2");
        assertThatThrownBy(() -> caseload.casePage(supervisees)).isInstanceOf(CaseNotFoundException.class);
    }

    @Test
    @WithUserDetails("manager")
    void the_practice_manager_opens_no_case() {
        var anyCase = caseOf("therapist1", "PHQ-9");
        assertThatThrownBy(() -> caseload.casePage(anyCase)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> caseload.myCases(BoardFilter.everything(), false, 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("therapist2")
    void a_session_with_bad_fields_is_refused_field_by_field_and_nothing_is_saved() {
        var caseId = caseOf("therapist2", "PHQ-9");
        var before = sessionsOf(caseId);
        var scores = new HashMap<String, Double>();
        scores.put("PHQ-9", 28.0);
        scores.put("SRS", 38.5);

        assertThatThrownBy(() -> caseload.recordSession(caseId, new SessionEntry(LocalDate.now().plusDays(1),
                Attendance.ATTENDED, scores, Homework.YES)))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                        .containsKeys("date", "PHQ-9")
                        .containsEntry("PHQ-9", "PHQ-9 scores are 0–27 in whole points; got 28."));
        assertThat(sessionsOf(caseId)).isEqualTo(before);
    }

    @Test
    @WithUserDetails("therapist2")
    void a_recorded_session_updates_the_cases_status_at_once() {
        // A first score with room for a reliable rise of 6 below the measure's top of 21, whatever the demo's year lived.
        var caseId = jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = 'therapist2' AND c.primary_measure = 'GAD-7' AND c.closed_on IS NULL
                  AND (SELECT sc.score FROM therapy_session s JOIN session_score sc ON sc.session_id = s.id
                       WHERE s.case_id = c.id AND sc.measure_code = 'GAD-7' ORDER BY s.session_date LIMIT 1) <= 15
                ORDER BY c.id LIMIT 1""").query(Long.class).single();
        var before = sessionsOf(caseId);
        var firstScore = jdbc.sql("""
                SELECT sc.score FROM therapy_session s JOIN session_score sc ON sc.session_id = s.id
                WHERE s.case_id = :id AND sc.measure_code = 'GAD-7' ORDER BY s.session_date LIMIT 1""")
                .param("id", caseId).query(Double.class).single();
        var scores = new HashMap<String, Double>();
        scores.put("GAD-7", Math.min(21, firstScore + 6));
        scores.put("SRS", 38.0);

        caseload.recordSession(caseId, new SessionEntry(LocalDate.now(), Attendance.ATTENDED, scores, Homework.NO));

        assertThat(sessionsOf(caseId)).isEqualTo(before + 1);
        var page = caseload.casePage(caseId);
        assertThat(page.progress()).isNotNull();
        assertThat(page.progress().status()).isEqualTo(CaseStatus.DETERIORATING);
        assertThat(page.progress().computedAt()).isNotNull();
    }

    @Test
    @WithUserDetails("therapist1")
    void a_hard_to_work_with_note_stalls_the_case_and_is_kept_with_its_versions() {
        var caseId = caseOf("therapist1", "PHQ-9");
        caseload.writeNote(caseId, null, Map.of(NotePrompt.MY_REACTIONS, "I feel stuck with him."), false);
        var note = caseload.casePage(caseId).notes().getLast();
        caseload.writeNote(caseId, note.id().value(), Map.of(NotePrompt.MY_REACTIONS,
                "I feel stuck with him, and I dread the sessions."), true);

        var page = caseload.casePage(caseId);
        assertThat(page.notes().getLast().versions()).hasSize(2);
        assertThat(page.progress().signals()).anySatisfy(signal ->
                assertThat(signal.reason()).isEqualTo(StallReason.THERAPIST_RETICENCE));
    }

    @Test
    @WithUserDetails("therapist4")
    void a_therapist_whose_licence_expired_cannot_open_a_case_and_is_told_why() {
        assertThatThrownBy(() -> caseload.openCase(new NewCaseEntry("C-9001", "Panic attacks", "CBT", "GAD-7", "SRS",
                LocalDate.now())))
                .isInstanceOf(TherapistNotReadyException.class)
                .hasMessageContaining("licence expired");
        assertThat(jdbc.sql("SELECT count(*) FROM client WHERE code = 'C-9001'").query(Integer.class).single()).isZero();
    }

    @Test
    @WithUserDetails("therapist3")
    void a_therapist_with_valid_credentials_opens_a_case_and_bad_fields_are_named() {
        assertThatThrownBy(() -> caseload.openCase(new NewCaseEntry("Jane Smith", "", "C", null, null, LocalDate.now())))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                        .containsOnlyKeys("clientCode", "presentingProblem", "approach", "primaryMeasure"));

        var id = caseload.openCase(new NewCaseEntry("C-9002", "Health anxiety", "CBT", "GAD-7", "SRS", LocalDate.now()));

        var page = caseload.casePage(id);
        assertThat(page.theCase().client().value()).isEqualTo("C-9002");
        assertThat(page.progress().status()).isEqualTo(CaseStatus.INSUFFICIENT_DATA);
    }
}
