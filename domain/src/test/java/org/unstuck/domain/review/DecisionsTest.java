package org.unstuck.domain.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.measure.Direction;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;

class DecisionsTest {

    private static final CaseId CASE = new CaseId(11);
    private static final UserId SUPERVISOR = new UserId(1);
    private static final UserId THERAPIST = new UserId(2);
    private static final UserId COLLEAGUE = new UserId(3);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:00Z");

    private static Decision changeApproach(CaseStatus status, Double score) {
        return new Decision(new DecisionId(5), CASE, null,
                new DecisionDetails.ChangeApproach(new Approach("CBT"), new Approach("Behavioural activation")),
                "No movement after eight sessions of CBT; try BA.", Set.of(StallReason.APPROACH_FIT), THERAPIST,
                DAY.plusWeeks(6), SUPERVISOR, NOW, DAY, status, score, null);
    }

    @Test
    void a_decision_needs_a_rationale_a_reason_and_a_follow_up_after_the_day() {
        var change = new DecisionDetails.ContinuePlan();
        assertThatThrownBy(() -> new Decision(null, CASE, null, change, "  ", Set.of(StallReason.ALLIANCE), THERAPIST,
                DAY.plusDays(1), SUPERVISOR, NOW, DAY, CaseStatus.STALLED, null, null)).hasMessage("A decision states its rationale");
        assertThatThrownBy(() -> new Decision(null, CASE, null, change, "Keep going", Set.of(), THERAPIST,
                DAY.plusDays(1), SUPERVISOR, NOW, DAY, CaseStatus.STALLED, null, null))
                .hasMessage("A decision names at least one reason it answers");
        assertThatThrownBy(() -> new Decision(null, CASE, null, change, "Keep going", Set.of(StallReason.ALLIANCE), THERAPIST,
                DAY, SUPERVISOR, NOW, DAY, CaseStatus.STALLED, null, null))
                .hasMessageContaining("The follow-up date comes after the day of the decision");
    }

    @Test
    void changing_to_the_same_approach_is_refused() {
        assertThatThrownBy(() -> new DecisionDetails.ChangeApproach(new Approach("CBT"), new Approach("cbt")))
                .hasMessageContaining("different approach");
    }

    @Test
    void a_correction_is_a_new_decision_that_points_to_the_one_it_supersedes() {
        var original = changeApproach(CaseStatus.STALLED, 18.0);
        var correction = original.supersededBy(
                new DecisionDetails.ChangeApproach(new Approach("CBT"), new Approach("Interpersonal therapy")),
                "Corrected: IPT, not BA.", Set.of(StallReason.APPROACH_FIT), THERAPIST, DAY.plusWeeks(6), SUPERVISOR,
                NOW.plusSeconds(60), DAY);

        assertThat(correction.supersedes()).isEqualTo(original.id());
        assertThat(correction.id()).isNull();
        assertThat(correction.statusAtDecision()).isEqualTo(original.statusAtDecision());
        assertThat(original.details()).isEqualTo(
                new DecisionDetails.ChangeApproach(new Approach("CBT"), new Approach("Behavioural activation")));
    }

    @Test
    void a_referral_is_accepted_or_declined_once_and_only_by_the_colleague() {
        var referral = Referral.propose(new DecisionId(5), CASE, THERAPIST, COLLEAGUE);
        assertThatThrownBy(() -> referral.accept(THERAPIST, NOW)).hasMessageContaining("Only the colleague");
        var accepted = referral.accept(COLLEAGUE, NOW);
        assertThat(accepted.state()).isEqualTo(Referral.State.ACCEPTED);
        assertThatThrownBy(() -> accepted.decline(COLLEAGUE, "Full caseload", NOW))
                .hasMessage("Only a proposed referral can be answered; this one is ACCEPTED");
        assertThatThrownBy(() -> referral.decline(COLLEAGUE, " ", NOW)).hasMessage("A declined referral says why");
    }

    @Test
    void the_agenda_puts_deteriorating_then_stalled_then_follow_ups_and_each_case_once() {
        var deteriorating = new AgendaBuilder.CaseOnBoard(new CaseId(1), CaseStatus.DETERIORATING, DAY.minusDays(3));
        var stalledLong = new AgendaBuilder.CaseOnBoard(new CaseId(2), CaseStatus.STALLED, DAY.minusDays(30));
        var stalledRecent = new AgendaBuilder.CaseOnBoard(new CaseId(3), CaseStatus.STALLED, DAY.minusDays(2));
        var watch = new AgendaBuilder.CaseOnBoard(new CaseId(4), CaseStatus.WATCH, DAY.minusDays(9));
        var dueOnStalled = new Decision(new DecisionId(9), new CaseId(2), null, new DecisionDetails.ContinuePlan(),
                "Review again", Set.of(StallReason.ALLIANCE), THERAPIST, DAY, SUPERVISOR, NOW, DAY.minusWeeks(4),
                CaseStatus.STALLED, null, null);
        var due = new Decision(new DecisionId(10), new CaseId(7), null, new DecisionDetails.ContinuePlan(),
                "Review again", Set.of(StallReason.ALLIANCE), THERAPIST, DAY.minusDays(1), SUPERVISOR, NOW,
                DAY.minusWeeks(4), CaseStatus.WATCH, null, null);
        var notYet = new Decision(new DecisionId(11), new CaseId(8), null, new DecisionDetails.ContinuePlan(),
                "Review again", Set.of(StallReason.ALLIANCE), THERAPIST, DAY.plusDays(1), SUPERVISOR, NOW,
                DAY.minusWeeks(4), CaseStatus.WATCH, null, null);

        var agenda = AgendaBuilder.build(List.of(watch, stalledRecent, deteriorating, stalledLong),
                List.of(notYet, due, dueOnStalled), DAY);

        assertThat(agenda).extracting(item -> item.caseId().value()).containsExactly(1L, 2L, 3L, 7L);
        assertThat(agenda.getLast()).isEqualTo(new AgendaItem(new CaseId(7), AgendaItem.Why.FOLLOW_UP_DUE, new DecisionId(10)));

        var meeting = ReviewMeeting.plan(SUPERVISOR, DAY, LocalTime.of(10, 0), "Room 2", Set.of(THERAPIST), agenda).move(new CaseId(7), 0)
                .remove(new CaseId(3));
        assertThat(meeting.agenda()).extracting(item -> item.caseId().value()).containsExactly(7L, 1L, 2L);
    }

    @Test
    void the_outcome_compares_the_status_at_the_decision_with_the_one_in_force_on_the_follow_up_date() {
        var decision = changeApproach(CaseStatus.STALLED, 18.0);
        var followUp = decision.followUpOn();
        var better = DecisionOutcome.of(decision, new DecisionOutcome.Course(CaseStatus.ON_TRACK, 11.0, CaseStatus.WATCH,
                followUp.plusDays(3), DAY.plusDays(12)), Direction.LOWER_IS_BETTER);
        assertThat(better.verdict()).isEqualTo(DecisionOutcome.Verdict.IMPROVED);
        assertThat(better.scoreImprovement()).isEqualTo(7.0);
        assertThat(better.now()).isEqualTo(CaseStatus.WATCH);
        assertThat(better.daysToLessSevere()).isEqualTo(12);

        var onTrackOnlyLater = DecisionOutcome.of(decision, new DecisionOutcome.Course(CaseStatus.STALLED, 17.0,
                CaseStatus.ON_TRACK, followUp.plusWeeks(1), followUp.plusWeeks(1)), Direction.LOWER_IS_BETTER);
        assertThat(onTrackOnlyLater.verdict()).isEqualTo(DecisionOutcome.Verdict.UNCHANGED);
        assertThat(onTrackOnlyLater.nowSince()).isEqualTo(followUp.plusWeeks(1));
        assertThat(onTrackOnlyLater.daysToLessSevere()).isNull();

        assertThat(DecisionOutcome.of(decision, new DecisionOutcome.Course(CaseStatus.DETERIORATING, 24.0,
                CaseStatus.DETERIORATING, DAY, null), Direction.LOWER_IS_BETTER).verdict())
                .isEqualTo(DecisionOutcome.Verdict.WORSENED);
        var unknown = DecisionOutcome.of(decision, new DecisionOutcome.Course(null, null, CaseStatus.STALLED, null, null),
                Direction.LOWER_IS_BETTER);
        assertThat(unknown.verdict()).isEqualTo(DecisionOutcome.Verdict.NOT_KNOWN);
        assertThat(unknown.scoreImprovement()).isNull();
    }
}
