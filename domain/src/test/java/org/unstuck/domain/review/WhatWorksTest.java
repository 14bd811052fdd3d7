package org.unstuck.domain.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.review.WhatWorks.Comparison;
import org.unstuck.domain.review.WhatWorks.Share;

/** Figures worked out by hand with z = 1.96 (Wilson 1927: centre (p + z²/2n) / (1 + z²/n), half-width z·√(p(1−p)/n + z²/4n²) / (1 + z²/n)). */
class WhatWorksTest {

    private static final Approach CBT = new Approach("CBT");
    private static final Approach EMDR = new Approach("EMDR");

    private static DecisionOutcome outcome(CaseStatus before, CaseStatus atFollowUp, @Nullable Integer daysToLessSevere) {
        var comparison = Integer.compare(atFollowUp.severityRank(), before.severityRank());
        var verdict = comparison < 0 ? DecisionOutcome.Verdict.IMPROVED
                : comparison > 0 ? DecisionOutcome.Verdict.WORSENED : DecisionOutcome.Verdict.UNCHANGED;
        return new DecisionOutcome(before, atFollowUp, atFollowUp, null, null, verdict, daysToLessSevere);
    }

    @Test
    void three_of_five_has_the_wilson_interval_from_0_231_to_0_882() {
        // p = 0.6, z²/n = 3.8415/5 = 0.7683; centre = (0.6 + 0.3841) / 1.7683 = 0.5565;
        // half = 1.96 · √(0.048 + 0.0384) / 1.7683 = 1.96 · 0.2940 / 1.7683 = 0.3258 → [0.2307, 0.8824].
        var interval = new Share(5, 3).interval();
        assertThat(interval.low()).isCloseTo(0.231, within(0.0005));
        assertThat(interval.high()).isCloseTo(0.882, within(0.0005));
    }

    @Test
    void none_of_five_and_all_of_five_keep_the_interval_inside_0_to_1() {
        // p = 0: centre = 0.3841 / 1.7683 = 0.2172, half = 1.96 · 0.1960 / 1.7683 = 0.2172 → [0, 0.4345].
        var none = new Share(5, 0).interval();
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(0.4345, within(0.0005));
        var all = new Share(5, 5).interval();
        assertThat(all.low()).isCloseTo(0.5655, within(0.0005));
        assertThat(all.high()).isEqualTo(1.0);
    }

    @Test
    void forty_of_one_hundred_has_a_narrow_interval() {
        // p = 0.4, z²/n = 0.038415; centre = (0.4 + 0.019207) / 1.038415 = 0.40370;
        // half = 1.96 · √(0.0024 + 0.000096) / 1.038415 = 1.96 · 0.049960 / 1.038415 = 0.094300 → [0.3094, 0.4980].
        var interval = new Share(100, 40).interval();
        assertThat(interval.low()).isCloseTo(0.3094, within(0.0005));
        assertThat(interval.high()).isCloseTo(0.4980, within(0.0005));
    }

    @Test
    void rows_count_flagged_cases_with_a_known_status_on_the_follow_up_date_and_the_median_days() {
        var followedUp = new ArrayList<WhatWorks.FollowedUp>();
        for (var days : List.of(9, 30, 14)) {
            followedUp.add(new WhatWorks.FollowedUp(DecisionType.CHANGE_APPROACH, CBT, outcome(CaseStatus.STALLED,
                    CaseStatus.ON_TRACK, days)));
        }
        followedUp.add(new WhatWorks.FollowedUp(DecisionType.CHANGE_APPROACH, CBT, outcome(CaseStatus.STALLED,
                CaseStatus.WATCH, 20)));
        followedUp.add(new WhatWorks.FollowedUp(DecisionType.CHANGE_APPROACH, CBT, outcome(CaseStatus.STALLED,
                CaseStatus.STALLED, null)));
        followedUp.add(new WhatWorks.FollowedUp(DecisionType.CHANGE_APPROACH, CBT, outcome(CaseStatus.DETERIORATING,
                CaseStatus.DETERIORATING, null)));
        // Not flagged when decided, or no assessment by the follow-up date: not counted.
        followedUp.add(new WhatWorks.FollowedUp(DecisionType.CHANGE_APPROACH, CBT, outcome(CaseStatus.ON_TRACK,
                CaseStatus.ON_TRACK, null)));
        followedUp.add(new WhatWorks.FollowedUp(DecisionType.CHANGE_APPROACH, CBT, new DecisionOutcome(CaseStatus.STALLED,
                null, CaseStatus.ON_TRACK, null, null, DecisionOutcome.Verdict.NOT_KNOWN, null)));
        followedUp.add(new WhatWorks.FollowedUp(DecisionType.CONTINUE, EMDR, outcome(CaseStatus.WATCH, CaseStatus.WATCH, null)));

        var rows = WhatWorks.summarise(followedUp);

        // Days 9, 14, 20, 30: the median is (14 + 20) / 2 = 17.
        assertThat(rows).containsExactly(
                new WhatWorks.Row(DecisionType.CONTINUE, EMDR, new Share(1, 0), null),
                new WhatWorks.Row(DecisionType.CHANGE_APPROACH, CBT, new Share(6, 4), 17.0));
    }

    @Test
    void a_row_is_above_or_below_the_base_rate_only_when_the_intervals_do_not_overlap() {
        var base = new Share(100, 40);
        // 5 of 5: [0.5655, 1] lies above [0.3094, 0.4980].
        assertThat(row(new Share(5, 5)).against(base)).isEqualTo(Comparison.ABOVE_BASE_RATE);
        // 3 of 5: [0.231, 0.882] overlaps.
        assertThat(row(new Share(5, 3)).against(base)).isEqualTo(Comparison.NO_CLEAR_DIFFERENCE);
        // 0 of 20: centre = 0.09604 / 1.19207 = 0.0806, half = 1.96 · √(0.0024) / 1.19207 = 0.0806 → [0, 0.1611], below 0.3094.
        assertThat(row(new Share(20, 0)).against(base)).isEqualTo(Comparison.BELOW_BASE_RATE);
        // 4 of 4 would be above, but four cases are not a result.
        assertThat(row(new Share(4, 4)).against(base)).isEqualTo(Comparison.TOO_FEW_CASES);
        assertThat(row(new Share(5, 5)).against(new Share(4, 0))).isEqualTo(Comparison.TOO_FEW_CASES);
    }

    @Test
    void the_summary_without_small_groups_keeps_only_rows_of_five_or_more_cases() {
        var summary = new WhatWorks.Summary(List.of(row(new Share(4, 4)), row(new Share(5, 3))), new Share(100, 40));
        assertThat(summary.withEnoughCases().rows()).extracting(WhatWorks.Row::cases).containsExactly(5);
    }

    private static WhatWorks.Row row(Share share) {
        return new WhatWorks.Row(DecisionType.CONTINUE, CBT, share, null);
    }
}
