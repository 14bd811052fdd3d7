package org.unstuck.web.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.ClosingReason;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.Sessions;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.Decisions;
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
    @Autowired Cases cases;
    @Autowired Sessions sessions;
    @Autowired Decisions decisions;

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
        record FirstScore(long caseId, double score) {
        }
        // A first score low enough that 6 points more stays on the scale and is a reliable deterioration.
        var first = jdbc.sql("""
                SELECT DISTINCT ON (c.id) c.id, sc.score
                FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                JOIN therapy_session s ON s.case_id = c.id JOIN session_score sc ON sc.session_id = s.id
                WHERE u.username = 'therapist2' AND c.primary_measure = 'GAD-7' AND c.closed_on IS NULL
                  AND sc.measure_code = 'GAD-7'
                ORDER BY c.id, s.session_date""")
                .query((row, number) -> new FirstScore(row.getLong(1), row.getDouble(2))).list().stream()
                .filter(candidate -> candidate.score() <= 15).findFirst().orElseThrow();
        var caseId = first.caseId();
        var before = sessionsOf(caseId);
        var scores = new HashMap<String, Double>();
        scores.put("GAD-7", first.score() + 6);
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

    private Map<String, Double> phq9(double score) {
        var scores = new HashMap<String, Double>();
        scores.put("PHQ-9", score);
        return scores;
    }

    /** A new case of therapist3 opened four weeks ago, with attended PHQ-9 sessions on the given days back. */
    private long freshCase(String client, double... scoresWeeklyFromFourWeeksAgo) {
        var today = caseload.today();
        var id = caseload.openCase(new NewCaseEntry(client, "Low mood", "CBT", "PHQ-9", null, today.minusWeeks(4)));
        for (int i = 0; i < scoresWeeklyFromFourWeeksAgo.length; i++) {
            caseload.recordSession(id, new SessionEntry(today.minusWeeks(4).plusDays(1 + 7L * i), Attendance.ATTENDED,
                    phq9(scoresWeeklyFromFourWeeksAgo[i]), Homework.YES));
        }
        return id;
    }

    private long audited(String action, long caseId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND case_id = :id AND outcome = 'ALLOWED'")
                .param("action", action).param("id", caseId).query(Long.class).single();
    }

    @Test
    @WithUserDetails("therapist3")
    void a_closed_case_leaves_the_open_caseload_and_shows_closed_with_its_sessions_and_last_status() {
        var id = freshCase("C-L101", 18, 17, 12);
        var today = caseload.today();

        var closed = caseload.closeCase(id, ClosingReason.DISCHARGED, today);

        assertThat(closed.closingReason()).isEqualTo(ClosingReason.DISCHARGED);
        assertThat(caseload.myCases(BoardFilter.everything(), false, 0, 500)).noneMatch(row -> row.caseId() == id);
        var row = caseload.myCases(BoardFilter.everything(), true, 0, 500).stream().filter(r -> r.caseId() == id)
                .findFirst().orElseThrow();
        assertThat(row.open()).isFalse();
        assertThat(row.sessionsHeld()).isEqualTo(3);
        assertThat(row.lastSessionOn()).isEqualTo(today.minusWeeks(4).plusDays(15));
        assertThat(row.status()).isEqualTo(caseload.casePage(id).progress().status());
        var page = caseload.casePage(id);
        assertThat(page.mayRecord()).isFalse();
        assertThat(page.mayDecide()).isFalse();
        assertThat(page.mayClose()).isFalse();
        assertThat(audited("case.close", id)).isEqualTo(1);
    }

    @Test
    @WithUserDetails("therapist1")
    void every_closed_case_of_the_demo_shows_its_real_session_count() {
        var closedRows = caseload.myCases(BoardFilter.everything(), true, 0, 1000).stream().filter(row -> !row.open()).toList();
        assertThat(closedRows).isNotEmpty();
        for (var row : closedRows) {
            var attended = jdbc.sql("""
                    SELECT count(*) FROM therapy_session WHERE case_id = :id AND attendance = 'ATTENDED' AND voided_at IS NULL""")
                    .param("id", row.caseId()).query(Integer.class).single();
            assertThat(row.sessionsHeld()).as("sessions of case %s", row.clientCode()).isEqualTo(attended);
        }
        assertThat(closedRows).anyMatch(row -> row.status() != CaseStatus.INSUFFICIENT_DATA);
    }

    @Test
    @WithUserDetails("therapist3")
    void a_closing_without_reason_or_outside_its_days_is_refused_by_field_and_changes_nothing() {
        var id = freshCase("C-L102", 18, 17);
        var lastSession = caseload.today().minusWeeks(4).plusDays(8);

        assertThatThrownBy(() -> caseload.closeCase(id, null, null))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                        .containsOnlyKeys("reason", "closedOn"));
        assertThatThrownBy(() -> caseload.closeCase(id, ClosingReason.DROPPED_OUT, lastSession.minusDays(1)))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                        .containsOnlyKeys("closedOn")
                        .containsEntry("closedOn", "A case closes between " + lastSession + " (its last session) and today, "
                                + caseload.today() + "; got " + lastSession.minusDays(1) + "."));
        assertThatThrownBy(() -> caseload.closeCase(id, ClosingReason.DROPPED_OUT, caseload.today().plusDays(1)))
                .isInstanceOf(InvalidEntryException.class);

        assertThat(caseload.casePage(id).theCase().isOpen()).isTrue();
        assertThat(audited("case.close", id)).isZero();
    }

    @Test
    @WithUserDetails("therapist1")
    void another_therapist_cannot_close_a_case_and_the_attempt_is_audited() {
        var theirs = caseOf("therapist3", "PHQ-9");
        var before = refusals("therapist1", theirs);

        assertThatThrownBy(() -> caseload.closeCase(theirs, ClosingReason.DISCHARGED, caseload.today()))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> caseload.voidSession(theirs, caseload.today(), "Not mine"))
                .isInstanceOf(CaseNotFoundException.class);

        assertThat(refusals("therapist1", theirs)).isEqualTo(before + 2);
    }

    @Test
    @WithUserDetails("therapist3")
    void a_voided_session_is_kept_with_its_reason_ignored_by_the_status_and_its_day_can_be_recorded_again() {
        var id = freshCase("C-L103", 10, 11, 10);
        var today = caseload.today();
        caseload.recordSession(id, new SessionEntry(today, Attendance.ATTENDED, phq9(27), Homework.NO));
        assertThat(caseload.casePage(id).progress().status()).isEqualTo(CaseStatus.DETERIORATING);

        caseload.voidSession(id, today, "Typed 27 instead of 12");

        var page = caseload.casePage(id);
        assertThat(page.progress().status()).isNotEqualTo(CaseStatus.DETERIORATING);
        assertThat(page.sessions()).hasSize(3);
        assertThat(page.trajectory()).hasSize(3);
        assertThat(page.sessionHistory()).hasSize(4);
        assertThat(page.sessionHistory().getLast().voided().reason()).isEqualTo("Typed 27 instead of 12");
        assertThat(audited("session.void", id)).isEqualTo(1);

        caseload.recordSession(id, new SessionEntry(today, Attendance.ATTENDED, phq9(12), Homework.NO));
        assertThat(caseload.casePage(id).sessions()).hasSize(4);
        assertThat(sessionsOf(id)).isEqualTo(5);
        assertThatThrownBy(() -> caseload.voidSession(id, today, " "))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                        .containsOnlyKeys("reason"));
        assertThatThrownBy(() -> caseload.voidSession(id, today.minusDays(2), "No such session"))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                        .containsOnlyKeys("date"));
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_supervisor_closes_a_supervisees_case_but_does_not_void_its_sessions() {
        var therapist2 = new UserId(jdbc.sql("SELECT id FROM user_account WHERE username = 'therapist2'")
                .query(Long.class).single());
        var today = caseload.today();
        var stored = cases.save(new TherapyCase(null, 0, new ClientCode("C-L106"), "Low mood", new Approach("CBT"),
                MeasureCatalogue.PHQ_9, null, today.minusWeeks(2), null, therapist2, List.of()));
        var caseId = stored.id().value();
        var last = today.minusWeeks(1);
        sessions.add(stored.id(), Session.missed(last, Attendance.NO_SHOW));

        assertThatThrownBy(() -> caseload.voidSession(caseId, last, "Wrong"))
                .isInstanceOf(AccessDeniedException.class);
        var closed = caseload.closeCase(caseId, ClosingReason.TRANSFERRED_OUT, caseload.today());

        assertThat(closed.isOpen()).isFalse();
        assertThat(audited("case.close", caseId)).isEqualTo(1);
    }

    @Test
    @WithUserDetails("therapist3")
    void a_second_open_case_for_the_same_client_needs_the_therapist_to_confirm_a_second_episode() {
        var today = caseload.today();
        caseload.openCase(new NewCaseEntry("C-L104", "Panic attacks", "CBT", "GAD-7", "SRS", today));
        assertThat(caseload.hasOpenCaseFor("C-L104")).isTrue();

        assertThatThrownBy(() -> caseload.openCase(new NewCaseEntry("C-L104", "Panic attacks", "CBT", "GAD-7", "SRS", today)))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                        .containsOnlyKeys("clientCode")
                        .containsEntry("clientCode", "You already have an open case for C-L104. Confirm that this is a "
                                + "second episode, or open the existing case."));
        assertThat(jdbc.sql("SELECT count(*) FROM therapy_case c JOIN client cl ON cl.id = c.client_id WHERE cl.code = 'C-L104'")
                .query(Integer.class).single()).isEqualTo(1);

        caseload.openCase(new NewCaseEntry("C-L104", "Panic attacks", "CBT", "GAD-7", "SRS", today, true));
        assertThat(jdbc.sql("SELECT count(*) FROM therapy_case c JOIN client cl ON cl.id = c.client_id WHERE cl.code = 'C-L104'")
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    @WithUserDetails("therapist3")
    void a_case_opens_between_the_practices_limit_and_today() {
        var today = caseload.today();
        var earliest = today.minusMonths(24);
        var message = "Enter the day the case opened, between " + earliest + " and today, " + today + ".";

        for (var wrong : List.of(LocalDate.of(1990, 1, 1), earliest.minusDays(1), today.plusDays(1))) {
            assertThatThrownBy(() -> caseload.openCase(new NewCaseEntry("C-L105", "Grief", "CBT", "PHQ-9", null, wrong)))
                    .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                            .containsOnly(Map.entry("opened", message)));
        }
        assertThat(caseload.earliestOpening()).isEqualTo(earliest);
        assertThat(caseload.openCase(new NewCaseEntry("C-L105", "Grief", "CBT", "PHQ-9", null, earliest))).isPositive();
    }

    @Test
    @WithUserDetails("therapist3")
    void after_a_planned_ending_is_decided_the_case_page_proposes_to_close_it() {
        var id = freshCase("C-L107", 15, 14);
        var today = caseload.today();
        assertThat(caseload.casePage(id).plannedEndingOn()).isNull();
        var supervisor = new UserId(jdbc.sql("SELECT id FROM user_account WHERE username = 'supervisor1'")
                .query(Long.class).single());
        var therapist = caseload.casePage(id).theCase().therapist();
        decisions.record(new Decision(null, new CaseId(id), null, new DecisionDetails.PlannedEnding(),
                "End well, with a relapse-prevention plan.", Set.of(StallReason.APPROACH_FIT), therapist, today.plusWeeks(2),
                supervisor, Instant.now(), today, CaseStatus.WATCH, 14.0, null));

        assertThat(caseload.casePage(id).plannedEndingOn()).isEqualTo(today);
        caseload.closeCase(id, ClosingReason.PLANNED_ENDING_COMPLETED, today);
        assertThat(caseload.casePage(id).plannedEndingOn()).isNull();
    }
}
