package org.unstuck.domain.measure;

import org.jspecify.annotations.Nullable;

/**
 * The items of a questionnaire measure: how many, each scored in whole points from 0 to
 * {@code maxEach} as the measure scores it (reverse-keyed items already turned), so that the items
 * add up to the total; and the critical item's rule, where the measure has one.
 */
public record MeasureItems(int count, int maxEach, @Nullable RiskRule risk) {

    public MeasureItems {
        if (count < 1 || count > 60) {
            throw new IllegalArgumentException("A measure has 1 to 60 items; got " + count);
        }
        if (maxEach < 1 || maxEach > 10) {
            throw new IllegalArgumentException("An item scores 0 up to 1 to 10 points; got " + maxEach);
        }
        if (risk != null && (risk.item() > count || risk.atLeast() > maxEach)) {
            throw new IllegalArgumentException("The risk rule names item " + risk.item() + " at " + risk.atLeast()
                    + " or more, beyond the " + count + " items of 0–" + maxEach);
        }
    }

    public int maxTotal() {
        return count * maxEach;
    }
}
