package org.unstuck.persistence.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.domain.InvalidDataException;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.FollowUpReview;
import org.unstuck.domain.review.FollowUpReviews;
import org.unstuck.domain.review.Referral;
import org.unstuck.domain.review.Referrals;
import org.unstuck.persistence.PostgresTest;
import org.unstuck.persistence.PracticeFixture;

@PostgresTest
class FollowUpReviewsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired FollowUpReviews reviews;
    @Autowired Decisions decisions;
    @Autowired Referrals referrals;
    @Autowired PracticeFixture practice;
    @Autowired JdbcClient jdbc;

    private Decision decide(CaseId caseId, DecisionDetails details, UserId therapist, UserId supervisor, LocalDate on,
            StallReason reason) {
        return decisions.record(new Decision(null, caseId, null, details, "Agreed in supervision.", Set.of(reason), therapist,
                on.plusWeeks(4), supervisor, on.atTime(14, 0).toInstant(ZoneOffset.UTC), on, CaseStatus.STALLED, 15.0,
                null));
    }

    @Test
    void a_new_decision_answers_every_open_follow_up_of_its_case_and_they_are_no_longer_due() {
        var supervisor = practice.user("rosa", Role.SUPERVISOR);
        var therapist = practice.user("tim", Role.THERAPIST);
        var caseId = practice.openCase(therapist, DAY.minusMonths(3));
        var other = practice.openCase(therapist, DAY.minusMonths(3));
        var first = decide(caseId, new DecisionDetails.ContinuePlan(), therapist, supervisor, DAY, StallReason.ALLIANCE);
        var elsewhere = decide(other, new DecisionDetails.ContinuePlan(), therapist, supervisor, DAY, StallReason.ALLIANCE);
        assertThat(decisions.followUpsDueBy(DAY.plusWeeks(5))).extracting(Decision::id).contains(first.id(), elsewhere.id());

        var later = decide(caseId, new DecisionDetails.ChangeFrequency("Fortnightly"), therapist, supervisor, DAY.plusWeeks(5),
                StallReason.CLIENT_ENGAGEMENT);
        var answered = reviews.answerOpenFollowUps(later);

        assertThat(answered).singleElement().satisfies(review -> {
            assertThat(review.followUp()).isEqualTo(first.id());
            assertThat(review.answeredBy()).isEqualTo(later.id());
        });
        assertThat(decisions.followUpsDueBy(DAY.plusWeeks(10))).extracting(Decision::id)
                .contains(elsewhere.id(), later.id()).doesNotContain(first.id());
        assertThat(reviews.openOn(caseId)).containsExactly(later.id());
        assertThat(reviews.latestOnCase(caseId)).containsOnlyKeys(first.id());
        assertThat(reviews.answerOpenFollowUps(later)).as("nothing left open to answer").isEmpty();
    }

    @Test
    void the_schema_refuses_a_second_review_and_one_answered_by_an_earlier_decision_or_another_case() {
        var supervisor = practice.user("ruben", Role.SUPERVISOR);
        var therapist = practice.user("tara", Role.THERAPIST);
        var caseId = practice.openCase(therapist, DAY.minusMonths(3));
        var other = practice.openCase(therapist, DAY.minusMonths(3));
        var first = decide(caseId, new DecisionDetails.ContinuePlan(), therapist, supervisor, DAY, StallReason.ALLIANCE);
        var second = decide(caseId, new DecisionDetails.ContinuePlan(), therapist, supervisor, DAY.plusDays(1), StallReason.RISK);
        var elsewhere = decide(other, new DecisionDetails.ContinuePlan(), therapist, supervisor, DAY.plusDays(2),
                StallReason.ALLIANCE);
        var at = Instant.parse("2026-04-01T10:00:00Z");

        assertThatThrownBy(() -> reviews.record(new FollowUpReview(second.id(), first.id(), supervisor, at, DAY, null)))
                .isInstanceOf(InvalidDataException.class).hasMessage("A follow-up is answered by a later decision on the same case");
        assertThatThrownBy(() -> reviews.record(new FollowUpReview(first.id(), elsewhere.id(), supervisor, at, DAY, null)))
                .isInstanceOf(InvalidDataException.class).hasMessage("A follow-up is answered by a later decision on the same case");
        reviews.record(FollowUpReview.noChange(first.id(), supervisor, at, DAY, "Plan stands."));
        assertThatThrownBy(() -> reviews.record(FollowUpReview.noChange(first.id(), supervisor, at.plusSeconds(60), DAY, null)))
                .isInstanceOf(InvalidDataException.class).hasMessage("This follow-up is already reviewed");
        assertThatThrownBy(() -> jdbc.sql("UPDATE follow_up_review SET note = 'changed' WHERE decision_id = :id")
                .param("id", first.id().value()).update()).hasMessageContaining("permanent record");
    }

    @Test
    void a_declined_referral_opens_its_decision_again_whatever_its_date_until_it_is_reviewed_once_more() {
        var supervisor = practice.user("rina", Role.SUPERVISOR);
        var therapist = practice.user("theo", Role.THERAPIST);
        var colleague = practice.user("tanya", Role.THERAPIST);
        var caseId = practice.openCase(therapist, DAY.minusMonths(3));
        var referring = decide(caseId, new DecisionDetails.ReferToColleague(colleague), therapist, supervisor, DAY,
                StallReason.THERAPIST_RETICENCE);
        var proposed = referrals.save(Referral.propose(referring.id(), caseId, therapist, colleague));
        var meanwhile = decide(caseId, new DecisionDetails.ContinuePlan(), therapist, supervisor, DAY.plusDays(1),
                StallReason.ALLIANCE);
        reviews.answerOpenFollowUps(meanwhile);
        assertThat(decisions.followUpsDueBy(DAY.plusDays(2))).extracting(Decision::id).doesNotContain(referring.id());

        referrals.save(proposed.decline(colleague, "No space until spring.", Instant.parse("2026-03-04T09:00:00Z")));

        assertThat(decisions.followUpsDueBy(DAY.plusDays(2))).extracting(Decision::id).contains(referring.id());
        assertThat(referrals.ofDecisions(List.of(referring.id())).get(referring.id()).declineReason())
                .isEqualTo("No space until spring.");
        reviews.record(FollowUpReview.noChange(referring.id(), supervisor, Instant.parse("2026-03-05T09:00:00Z"),
                DAY.plusDays(3), null));
        assertThat(decisions.followUpsDueBy(DAY.plusWeeks(8))).extracting(Decision::id).doesNotContain(referring.id());
    }
}
