package org.unstuck.domain.measure;

import java.util.List;

/**
 * A score on one measure; always inside the measure's range. Where the measure defines items and
 * they were given, the items are kept beside the total and add up to it.
 *
 * @param items every item's score in item order, or none
 */
public record Score(Measure measure, double value, List<Integer> items) {

    public Score {
        if (!measure.range().contains(value)) {
            throw new ScoreOutOfRangeException(measure, value);
        }
        items = List.copyOf(items);
        if (!items.isEmpty()) {
            var defined = measure.itemsIfDefined().orElseThrow(() -> new IllegalArgumentException(
                    measure.code() + " has no items to score; give its total only"));
            if (items.size() != defined.count()) {
                throw new IllegalArgumentException(measure.code() + " has " + defined.count() + " items; got "
                        + items.size() + " item scores");
            }
            for (var position = 0; position < items.size(); position++) {
                var item = items.get(position);
                if (item < 0 || item > defined.maxEach()) {
                    throw new IllegalArgumentException(measure.code() + " item " + (position + 1) + " is scored 0–"
                            + defined.maxEach() + "; got " + item);
                }
            }
            var sum = items.stream().mapToInt(Integer::intValue).sum();
            if (sum != value) {
                throw new ItemTotalMismatchException(measure, sum, value);
            }
        }
    }

    public Score(Measure measure, double value) {
        this(measure, value, List.of());
    }

    public MeasureCode code() {
        return measure.code();
    }

    /** Whether the items given endorse the measure's critical item. */
    public boolean meetsRiskRule() {
        return measure.itemsIfDefined().map(MeasureItems::risk).map(rule -> rule.isMetBy(this)).orElse(false);
    }

    @Override
    public String toString() {
        return measure.code() + " " + Scores.format(value);
    }
}
