package org.unstuck.domain.measure;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The smallest change on a measure that is unlikely to be measurement error (Jacobson and Truax,
 * 1991). Either published directly as points, or derived from the measure's standard deviation
 * and reliability: SE = SD·√(1−r), S_diff = √2·SE, and a change is reliable when it reaches
 * 1.96·S_diff.
 *
 * @param points the smallest reliable change in raw score points
 * @param standardDeviation SD₁ of the normative sample, when derived
 * @param reliability r of the measure, when derived
 */
public record ReliableChange(double points, @Nullable Double standardDeviation, @Nullable Double reliability) {

    public static final double Z_95 = 1.96;

    public ReliableChange {
        if (!(points > 0)) {
            throw new IllegalArgumentException("A reliable change is a positive number of points; got " + points);
        }
        if ((standardDeviation == null) != (reliability == null)) {
            throw new IllegalArgumentException("Give both the standard deviation and the reliability, or neither");
        }
    }

    /** A reliable-change value published in points, as NHS Talking Therapies does for PHQ-9 and GAD-7. */
    public static ReliableChange published(double points) {
        return new ReliableChange(points, null, null);
    }

    /** Derived from SD₁ and reliability r: 1.96 · √2 · SD₁ · √(1 − r). */
    public static ReliableChange fromReliability(double standardDeviation, double reliability) {
        if (!(standardDeviation > 0)) {
            throw new IllegalArgumentException("The standard deviation must be positive; got " + standardDeviation);
        }
        if (!(reliability > 0 && reliability < 1)) {
            throw new IllegalArgumentException("The reliability must be between 0 and 1; got " + reliability);
        }
        return new ReliableChange(Z_95 * standardDifference(standardDeviation, reliability), standardDeviation, reliability);
    }

    /** S_diff = √2 · SD · √(1 − r). */
    public static double standardDifference(double standardDeviation, double reliability) {
        return Math.sqrt(2) * standardDeviation * Math.sqrt(1 - reliability);
    }

    public boolean isDerived() {
        return standardDeviation != null;
    }

    /** Which formula gave the threshold, to be recorded with every result that uses it. */
    public String formula() {
        return isDerived()
                ? "Jacobson–Truax 1991: 1.96·√2·SD·√(1−r) with SD " + Scores.format(standardDeviation)
                        + ", r " + Scores.format(reliability) + " = " + String.format(Locale.ROOT, "%.2f", points) + " points"
                : "Published reliable-change value: " + Scores.format(points) + " points";
    }
}
