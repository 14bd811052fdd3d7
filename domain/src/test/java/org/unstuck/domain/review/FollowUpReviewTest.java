package org.unstuck.domain.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;

class FollowUpReviewTest {

    private static final UserId SUPERVISOR = new UserId(1);

    private static Decision decision(long id, long caseId, String at) {
        var instant = Instant.parse(at);
        var day = LocalDate.parse(at.substring(0, 10));
        return new Decision(new DecisionId(id), new CaseId(caseId), null, new DecisionDetails.ContinuePlan(), "Keep going.",
                Set.of(StallReason.RISK), new UserId(2), day.plusWeeks(4), SUPERVISOR, instant, day, CaseStatus.STALLED, null,
                null);
    }

    @Test
    void a_later_decision_on_the_case_answers_an_earlier_follow_up_on_its_own_day() {
        var review = FollowUpReview.answered(decision(1, 9, "2026-03-01T10:00:00Z"), decision(2, 9, "2026-04-02T10:00:00Z"));
        assertThat(review.answeredBy()).isEqualTo(new DecisionId(2));
        assertThat(review.reviewedOn()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(review.isAnswered()).isTrue();
    }

    @Test
    void a_decision_on_another_case_or_an_earlier_one_answers_nothing() {
        assertThatThrownBy(() -> FollowUpReview.answered(decision(1, 9, "2026-03-01T10:00:00Z"),
                decision(2, 8, "2026-04-02T10:00:00Z"))).hasMessageContaining("same case");
        assertThatThrownBy(() -> FollowUpReview.answered(decision(1, 9, "2026-03-01T10:00:00Z"),
                decision(2, 9, "2026-02-01T10:00:00Z"))).hasMessageContaining("later decision");
    }

    @Test
    void a_review_with_no_change_keeps_a_short_note_and_a_blank_one_as_none() {
        var at = Instant.parse("2026-04-02T10:00:00Z");
        assertThat(FollowUpReview.noChange(new DecisionId(1), SUPERVISOR, at, LocalDate.of(2026, 4, 2), "  ").note()).isNull();
        assertThat(FollowUpReview.noChange(new DecisionId(1), SUPERVISOR, at, LocalDate.of(2026, 4, 2), " Plan stands ").note())
                .isEqualTo("Plan stands");
        assertThatThrownBy(() -> FollowUpReview.noChange(new DecisionId(1), SUPERVISOR, at, LocalDate.of(2026, 4, 2),
                "x".repeat(301))).hasMessageContaining("at most 300");
    }
}
