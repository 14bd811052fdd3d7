package org.unstuck.web.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.DecisionType;
import org.unstuck.persistence.board.BoardFilter;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.caseload.CaseloadService;
import org.unstuck.web.common.CaseNotFoundException;
import org.unstuck.web.common.InvalidEntryException;

/** Decisions and referrals called directly, as each role. */
@UnstuckAppTest
class DecisionAndReferralServiceTest {

    @Autowired DecisionService decisionService;
    @Autowired ReferralService referralService;
    @Autowired ReviewBoardService board;
    @Autowired CaseloadService caseload;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    private long openCaseOf(String username, int skip) {
        return jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = :username AND c.closed_on IS NULL ORDER BY c.id OFFSET :skip LIMIT 1""")
                .param("username", username).param("skip", skip).query(Long.class).single();
    }

    private void signInAs(String username) {
        TestSignIn.as(users, username);
    }

    private static DecisionEntry changeApproachTo(String approach) {
        return new DecisionEntry(DecisionType.CHANGE_APPROACH, approach, null, null,
                "Eight sessions of CBT without movement; behavioural work suits her better.",
                Set.of(StallReason.APPROACH_FIT), LocalDate.now().plusWeeks(4));
    }

    @Test
    @WithUserDetails("supervisor1")
    void the_board_holds_only_the_supervisors_supervisees_open_cases() {
        var therapists = jdbc.sql("""
                SELECT DISTINCT u.username FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE c.id IN (:ids)""").param("ids", board.page(BoardFilter.everything(), 0, 500).stream()
                .map(row -> row.caseId()).toList()).query(String.class).list();
        assertThat(therapists).containsExactlyInAnyOrder("therapist1", "therapist2", "therapist3", "supervisor2");
        assertThat(board.size(BoardFilter.everything())).isEqualTo(board.page(BoardFilter.everything(), 0, 500).size());
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_change_of_approach_is_recorded_and_takes_effect_on_the_case() {
        var caseId = openCaseOf("therapist1", 3);

        var decisionId = decisionService.record(caseId, changeApproachTo("Behavioural activation"));

        var page = caseload.casePage(caseId);
        assertThat(page.theCase().approach().name()).isEqualTo("Behavioural activation");
        assertThat(page.decisions()).anySatisfy(decision -> {
            assertThat(decision.id().value()).isEqualTo(decisionId);
            assertThat(decision.type()).isEqualTo(DecisionType.CHANGE_APPROACH);
            assertThat(decision.statusAtDecision()).isNotNull();
        });
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_correction_supersedes_the_decision_which_stays_as_it_was_recorded() {
        var caseId = openCaseOf("therapist2", 2);
        var original = decisionService.record(caseId, new DecisionEntry(DecisionType.CHANGE_FREQUENCY, null, null,
                "Weekly to fortnightly", "Client asked for more time between sessions.", Set.of(StallReason.CLIENT_ENGAGEMENT),
                LocalDate.now().plusWeeks(4)));

        var correction = decisionService.correct(original, new DecisionEntry(DecisionType.CHANGE_FREQUENCY, null, null,
                "Weekly to every three weeks", "Corrected: the agreed interval is three weeks.",
                Set.of(StallReason.CLIENT_ENGAGEMENT), LocalDate.now().plusWeeks(6)));

        var decisions = caseload.casePage(caseId).decisions();
        assertThat(decisions).anySatisfy(decision -> {
            assertThat(decision.id().value()).isEqualTo(original);
            assertThat(decision.rationale()).isEqualTo("Client asked for more time between sessions.");
            assertThat(decision.supersedes()).isNull();
        });
        assertThat(decisions).anySatisfy(decision -> {
            assertThat(decision.id().value()).isEqualTo(correction);
            assertThat(decision.supersedes().value()).isEqualTo(original);
        });
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_decision_without_rationale_reason_or_a_proper_follow_up_is_refused_field_by_field() {
        var caseId = openCaseOf("therapist1", 4);
        assertThatThrownBy(() -> decisionService.record(caseId, new DecisionEntry(DecisionType.REFER_EXTERNALLY, null, null,
                " ", " ", Set.of(), LocalDate.now())))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                        .containsOnlyKeys("detail", "rationale", "reasons", "followUpOn"));
        assertThat(jdbc.sql("SELECT count(*) FROM decision WHERE case_id = :id AND decision_type = 'REFER_EXTERNALLY'")
                .param("id", caseId).query(Integer.class).single()).isZero();
    }

    @Test
    @WithUserDetails("supervisor2")
    void a_supervisor_of_another_team_cannot_decide_or_even_see_the_case() {
        var caseId = openCaseOf("therapist1", 0);
        assertThatThrownBy(() -> decisionService.record(caseId, changeApproachTo("EMDR")))
                .isInstanceOf(CaseNotFoundException.class);
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_records_no_decisions() {
        assertThatThrownBy(() -> decisionService.record(openCaseOf("therapist1", 0), changeApproachTo("EMDR")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_referral_moves_the_case_with_its_history_when_the_colleague_accepts() {
        var caseId = openCaseOf("therapist1", 5);
        var sessionsBefore = jdbc.sql("SELECT count(*) FROM therapy_session WHERE case_id = :id").param("id", caseId)
                .query(Integer.class).single();
        signInAs("supervisor1");
        decisionService.record(caseId, new DecisionEntry(DecisionType.REFER_TO_COLLEAGUE, null, "therapist2", null,
                "Alex finds this client hard; Sam has trauma training.", Set.of(StallReason.THERAPIST_RETICENCE),
                LocalDate.now().plusWeeks(6)));

        signInAs("therapist2");
        var waiting = referralService.waitingForMe();
        assertThat(waiting).anySatisfy(row -> assertThat(row.caseId()).isEqualTo(caseId));
        referralService.accept(waiting.stream().filter(row -> row.caseId() == caseId).findFirst().orElseThrow().referralId());
        var page = caseload.casePage(caseId);
        assertThat(page.therapistName()).isEqualTo("Sam Okafor");
        assertThat(page.theCase().transfers()).singleElement()
                .satisfies(transfer -> assertThat(transfer.reason()).isEqualTo("Referral accepted"));
        assertThat(page.sessions()).hasSize(sessionsBefore);

        signInAs("therapist1");
        assertThatThrownBy(() -> caseload.casePage(caseId)).isInstanceOf(CaseNotFoundException.class);
        signInAs("supervisor2");
        assertThatThrownBy(() -> caseload.casePage(caseId)).isInstanceOf(CaseNotFoundException.class);
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_referral_is_answered_only_by_the_colleague_it_is_addressed_to() {
        var caseId = openCaseOf("therapist1", 6);
        signInAs("supervisor1");
        decisionService.record(caseId, new DecisionEntry(DecisionType.REFER_TO_COLLEAGUE, null, "therapist3", null,
                "Needs a therapist with EMDR training.", Set.of(StallReason.APPROACH_FIT), LocalDate.now().plusWeeks(6)));
        var referralId = jdbc.sql("SELECT id FROM referral WHERE case_id = :id").param("id", caseId).query(Long.class).single();

        signInAs("therapist2");
        assertThatThrownBy(() -> referralService.accept(referralId)).isInstanceOf(CaseNotFoundException.class);
        signInAs("therapist3");
        assertThatThrownBy(() -> referralService.decline(referralId, " ")).isInstanceOf(InvalidEntryException.class);
        referralService.decline(referralId, "No EMDR places until spring.");
        assertThat(jdbc.sql("SELECT state FROM referral WHERE id = :id").param("id", referralId).query(String.class).single())
                .isEqualTo("DECLINED");
        SecurityContextHolder.clearContext();
    }
}
