package org.unstuck.web.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.notes.NotePrompt;
import org.unstuck.domain.progress.Rule;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.DecisionType;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.Referral;
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
    @Autowired FollowUpService followUps;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired Decisions decisions;

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

    private static DecisionEntry referTo(String colleague, String rationale) {
        return new DecisionEntry(DecisionType.REFER_TO_COLLEAGUE, null, colleague, null, rationale,
                Set.of(StallReason.THERAPIST_RETICENCE), LocalDate.now().plusWeeks(6));
    }

    private long referralOf(long decisionId) {
        return jdbc.sql("SELECT id FROM referral WHERE decision_id = :id").param("id", decisionId).query(Long.class).single();
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_new_decision_answers_the_cases_open_follow_ups_which_stop_being_due() {
        var caseId = openCaseOf("therapist1", 7);
        var today = LocalDate.now();
        var earlier = new FollowUpHistoryFixture(jdbc, decisions).decide(caseId, new DecisionDetails.ContinuePlan(),
                today.minusWeeks(5), today.minusWeeks(1));
        assertThat(followUps.dueForMyTeam()).anySatisfy(row -> assertThat(row.decision().id()).isEqualTo(earlier.id()));

        var answering = decisionService.record(caseId, changeApproachTo("Compassion-focused therapy"));

        assertThat(followUps.dueForMyTeam()).noneSatisfy(row -> assertThat(row.caseId()).isEqualTo(caseId));
        assertThat(followUps.ofMyTeam()).filteredOn(row -> row.decision().id().equals(earlier.id())).singleElement()
                .satisfies(row -> {
                    assertThat(row.isDue()).isFalse();
                    assertThat(row.answering().id().value()).isEqualTo(answering);
                    assertThat(row.answering().details()).isInstanceOf(DecisionDetails.ChangeApproach.class);
                });
        var review = decisionService.onCasePage(caseId).reviews().get(earlier.id());
        assertThat(review.answeredBy()).isEqualTo(new DecisionId(answering));
        assertThat(review.reviewedOn()).isEqualTo(today);
        assertThat(decisionService.saved(answering).followUpsAnswered()).isPositive();
        assertThat(decisionService.onCasePage(caseId).reviews()).doesNotContainKey(new DecisionId(answering));
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_correction_opens_with_what_it_corrects_and_answers_no_follow_up() {
        var caseId = openCaseOf("therapist2", 3);
        var before = jdbc.sql("SELECT approach FROM therapy_case WHERE id = :id").param("id", caseId).query(String.class).single();
        var original = decisionService.record(caseId, changeApproachTo("EMDR".equals(before) ? "Schema therapy" : "EMDR"));

        var correction = decisionService.correctionOf(original);

        assertThat(correction.fromApproach()).isEqualTo(before);
        assertThat(correction.entry().type()).isEqualTo(DecisionType.CHANGE_APPROACH);
        assertThat(correction.entry().newApproach()).isIn("EMDR", "Schema therapy");
        assertThat(correction.entry().rationale()).startsWith("Eight sessions of CBT");
        assertThat(correction.entry().reasons()).containsExactly(StallReason.APPROACH_FIT);
        var corrected = decisionService.correct(original, new DecisionEntry(DecisionType.CHANGE_APPROACH, "Behavioural activation",
                null, null, correction.entry().rationale(), correction.entry().reasons(), correction.entry().followUpOn()));
        var saved = decisionService.saved(corrected);
        assertThat(saved.decision().details()).isEqualTo(new DecisionDetails.ChangeApproach(
                new Approach(before), new Approach("Behavioural activation")));
        assertThat(saved.followUpsAnswered()).isZero();
    }

    @Test
    @WithUserDetails("supervisor1")
    void an_escalation_of_risk_answers_the_risk_reason() {
        var caseId = openCaseOf("therapist1", 9);
        var id = decisionService.record(caseId, new DecisionEntry(DecisionType.ESCALATE_RISK, null, null,
                "Safety plan reviewed with the GP this week", "Disclosed thoughts of self-harm at the last session.",
                Set.of(StallReason.RISK), LocalDate.now().plusDays(DecisionService.RISK_FOLLOW_UP_DAYS)));
        assertThat(jdbc.sql("SELECT reasons::text FROM decision WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("{RISK}");
    }

    @Test
    @WithUserDetails("supervisor1")
    void colleagues_who_cannot_take_new_cases_are_not_offered_and_say_why() {
        var caseId = openCaseOf("therapist1", 0);

        var colleagues = decisionService.colleaguesFor(caseId);

        assertThat(colleagues.offered()).extracting(DecisionService.Colleague::displayName)
                .contains("Sam Okafor", "Jordan Reyes").doesNotContain("Alex Morgan", "Nina Berg");
        assertThat(colleagues.offered()).allSatisfy(colleague -> {
            assertThat(colleague.mayTakeNewCases()).isTrue();
            assertThat(colleague.openCases()).isNotNegative();
        });
        var samsCases = jdbc.sql("""
                SELECT count(*) FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = 'therapist2' AND c.closed_on IS NULL""").query(Integer.class).single();
        assertThat(colleagues.offered()).filteredOn(colleague -> colleague.username().equals("therapist2"))
                .singleElement().satisfies(sam -> assertThat(sam.openCases()).isEqualTo(samsCases));
        assertThat(colleagues.notOffered()).filteredOn(colleague -> colleague.displayName().equals("Nina Berg"))
                .singleElement().satisfies(nina -> assertThat(nina.blocking()).singleElement().satisfies(blocking -> {
                    assertThat(blocking.type()).isEqualTo(CredentialType.LICENCE);
                    assertThat(blocking.status()).isEqualTo(ComplianceStatus.EXPIRED);
                    assertThat(blocking.validTo()).isBefore(LocalDate.now());
                }));
        assertThatThrownBy(() -> decisionService.record(caseId, referTo("therapist4", "Nina has the right training.")))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused -> assertThat(refused.fieldErrors().get("colleague"))
                        .contains("Nina Berg cannot take new cases now", "licence expired"));
        assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE case_id = :id").param("id", caseId).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void a_declined_referral_reaches_the_supervisor_who_referred_and_its_decision_is_due_again() {
        var caseId = openCaseOf("therapist1", 10);
        signInAs("supervisor1");
        var decisionId = decisionService.record(caseId, referTo("therapist3", "Jordan has the trauma training this needs."));
        assertThat(followUps.dueForMyTeam()).noneSatisfy(row -> assertThat(row.decision().id().value()).isEqualTo(decisionId));

        signInAs("therapist3");
        referralService.decline(referralOf(decisionId), "  No space until March; ask Sam.  ");

        signInAs("supervisor1");
        assertThat(followUps.dueForMyTeam()).filteredOn(row -> row.decision().id().value() == decisionId).singleElement()
                .satisfies(row -> {
                    assertThat(row.colleague()).isEqualTo("Jordan Reyes");
                    assertThat(row.declined()).isEqualTo(new DeclinedReferral("Jordan Reyes", LocalDate.now(),
                            "No space until March; ask Sam."));
                    assertThat(row.outcome()).as("its follow-up date has not come").isNull();
                });
        var onPage = decisionService.onCasePage(caseId);
        var referral = onPage.referrals().get(new DecisionId(decisionId));
        assertThat(referral.state()).isEqualTo(Referral.State.DECLINED);
        assertThat(referral.declineReason()).isEqualTo("No space until March; ask Sam.");
        assertThat(onPage.nameOf(referral.to())).isEqualTo("Jordan Reyes");

        followUps.markReviewed(decisionId, "Keep the case with Alex for now; revisit in March.");

        assertThat(followUps.dueForMyTeam()).noneSatisfy(row -> assertThat(row.decision().id().value()).isEqualTo(decisionId));
        assertThat(decisionService.onCasePage(caseId).reviews().get(new DecisionId(decisionId)).note())
                .isEqualTo("Keep the case with Alex for now; revisit in March.");
        assertThatThrownBy(() -> followUps.markReviewed(decisionId, null))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("note", "This follow-up is already reviewed or superseded by a correction; nothing was changed."));
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_accepted_referral_ends_the_previous_therapists_reticence_signal() {
        var caseId = openCaseOf("therapist1", 11);
        signInAs("therapist1");
        caseload.writeNote(caseId, null, Map.of(NotePrompt.MY_REACTIONS, "I dread these sessions."), true);
        assertThat(caseload.casePage(caseId).progress().signals()).extracting(signal -> signal.rule())
                .contains(Rule.THERAPIST_RETICENCE);

        signInAs("supervisor1");
        var referring = decisionService.record(caseId, referTo("therapist2", "Alex finds this client hard; Sam takes the case."));
        signInAs("therapist2");
        referralService.accept(referralOf(referring));

        assertThat(caseload.casePage(caseId).progress().signals()).extracting(signal -> signal.rule())
                .doesNotContain(Rule.THERAPIST_RETICENCE);
        SecurityContextHolder.clearContext();
    }
}
