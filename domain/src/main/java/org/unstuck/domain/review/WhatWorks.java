package org.unstuck.domain.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.Approach;

/**
 * Across the practice, how often each decision type, per approach at the time of the decision,
 * was followed by a less severe status on its follow-up date among cases flagged when decided;
 * with a 95 % Wilson score interval, the median days until the case was first less severe, and the
 * practice's base rate for comparison: how often flagged cases were less severe
 * {@value #BASE_RATE_DAYS} days later, whatever was decided. A figure resting on fewer than
 * {@value #MIN_CASES} cases is not a result.
 */
public final class WhatWorks {

    public static final int MIN_CASES = 5;

    /** The default follow-up interval, four weeks, over which the base rate is measured. */
    public static final int BASE_RATE_DAYS = 28;

    /** 97.5th percentile of the standard normal distribution. */
    private static final double Z = 1.959963984540054;

    /** One decision whose follow-up has come. */
    public record FollowedUp(DecisionType type, Approach approach, DecisionOutcome outcome) {
    }

    public record Interval(double low, double high) {
    }

    /** How many of a number of flagged cases were less severe later. */
    public record Share(int cases, int improved) {

        public Share {
            if (cases < 0 || improved < 0 || improved > cases) {
                throw new IllegalArgumentException("A share is of 0 to " + cases + " cases");
            }
        }

        public double share() {
            return cases == 0 ? 0 : (double) improved / cases;
        }

        /** The 95 % Wilson score interval of the share; all of 0 to 1 without cases. */
        public Interval interval() {
            if (cases == 0) {
                return new Interval(0, 1);
            }
            double n = cases;
            double p = share();
            double z2 = Z * Z;
            double denominator = 1 + z2 / n;
            double centre = (p + z2 / (2 * n)) / denominator;
            double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
            return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
        }

        public boolean isResult() {
            return cases >= MIN_CASES;
        }
    }

    /** How a row compares with the base rate. */
    public enum Comparison {
        ABOVE_BASE_RATE,
        BELOW_BASE_RATE,
        NO_CLEAR_DIFFERENCE,
        TOO_FEW_CASES
    }

    /**
     * How one decision type fared with one approach.
     *
     * @param medianDays among the improved cases, the median days from decision to first less severe status
     */
    public record Row(DecisionType type, Approach approach, Share outcome, @Nullable Double medianDays) {

        public int cases() {
            return outcome.cases();
        }

        public int improved() {
            return outcome.improved();
        }

        /** Clearly above or below only when both figures are results and their intervals do not overlap. */
        public Comparison against(Share baseRate) {
            if (!outcome.isResult() || !baseRate.isResult()) {
                return Comparison.TOO_FEW_CASES;
            }
            var mine = outcome.interval();
            var base = baseRate.interval();
            return mine.low() > base.high() ? Comparison.ABOVE_BASE_RATE
                    : mine.high() < base.low() ? Comparison.BELOW_BASE_RATE : Comparison.NO_CLEAR_DIFFERENCE;
        }
    }

    /** The rows and the base rate they are read against. */
    public record Summary(List<Row> rows, Share baseRate) {

        public Summary {
            rows = List.copyOf(rows);
        }

        /** Only the rows that are results, for a reader who sees no small group at all. */
        public Summary withEnoughCases() {
            return new Summary(rows.stream().filter(row -> row.outcome().isResult()).toList(), baseRate);
        }
    }

    private WhatWorks() {
    }

    /** Rows of the decisions on cases flagged when decided whose status on the follow-up date is known. */
    public static List<Row> summarise(List<FollowedUp> followedUp) {
        record Key(DecisionType type, Approach approach) {
        }
        var groups = new LinkedHashMap<Key, List<DecisionOutcome>>();
        for (var decision : followedUp) {
            var outcome = decision.outcome();
            if (outcome.before().isFlagged() && outcome.verdict() != DecisionOutcome.Verdict.NOT_KNOWN) {
                groups.computeIfAbsent(new Key(decision.type(), decision.approach()), key -> new ArrayList<>()).add(outcome);
            }
        }
        return groups.entrySet().stream()
                .map(entry -> {
                    var outcomes = entry.getValue();
                    var improved = (int) outcomes.stream().filter(DecisionOutcome::improved).count();
                    var days = outcomes.stream().map(DecisionOutcome::daysToLessSevere).filter(day -> day != null)
                            .mapToInt(Integer::intValue).sorted().toArray();
                    return new Row(entry.getKey().type(), entry.getKey().approach(), new Share(outcomes.size(), improved),
                            median(days));
                })
                .sorted(Comparator.comparing(Row::type).thenComparing(row -> row.approach().name()))
                .toList();
    }

    private static @Nullable Double median(int[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        var middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
