package org.unstuck.domain.review;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unstuck.domain.caseload.Approach;

/**
 * Across the practice, how often each decision type, per approach at the time of the decision,
 * was followed by improvement on stalled or deteriorating cases by its follow-up date.
 */
public final class WhatWorks {

    /** One decision on a flagged case whose follow-up has come. */
    public record FollowedUp(DecisionType type, Approach approach, DecisionOutcome outcome) {
    }

    /** How one decision type fared with one approach, and how many cases the figure rests on. */
    public record Row(DecisionType type, Approach approach, int cases, int improved) {

        public double shareImproved() {
            return cases == 0 ? 0 : (double) improved / cases;
        }
    }

    private WhatWorks() {
    }

    public static List<Row> summarise(List<FollowedUp> followedUp) {
        record Key(DecisionType type, Approach approach) {
        }
        var counts = new LinkedHashMap<Key, int[]>();
        for (var decision : followedUp) {
            if (!decision.outcome().before().isFlagged()) {
                continue;
            }
            var tally = counts.computeIfAbsent(new Key(decision.type(), decision.approach()), key -> new int[2]);
            tally[0]++;
            if (decision.outcome().improved()) {
                tally[1]++;
            }
        }
        return counts.entrySet().stream()
                .map((Map.Entry<Key, int[]> entry) -> new Row(entry.getKey().type(), entry.getKey().approach(),
                        entry.getValue()[0], entry.getValue()[1]))
                .sorted(Comparator.comparing(Row::type).thenComparing(row -> row.approach().name()))
                .toList();
    }
}
