package org.unstuck.domain.measure;

import java.util.OptionalDouble;

/**
 * How a score changed from a first to a later session, judged against the measure's reliable
 * change, with the formula and threshold that produced the judgement.
 *
 * @param improvement positive when the later score is better
 * @param threshold the reliable change in points that was applied
 * @param formula how the threshold was obtained
 */
public record ChangeAssessment(
        Measure measure, double first, double latest, double improvement, double threshold, String formula,
        ReliableChangeClass classification) {

    public enum ReliableChangeClass {
        RELIABLE_IMPROVEMENT,
        NO_RELIABLE_CHANGE,
        RELIABLE_DETERIORATION
    }

    /**
     * Judges the change from {@code first} to {@code latest}. A change counts as reliable when it
     * reaches the reliable-change value (the NHS Talking Therapies convention, "a drop ≥ the
     * reliable-change value").
     *
     * @throws IllegalArgumentException when the measure tracks no reliable change
     */
    public static ChangeAssessment of(Measure measure, double first, double latest) {
        var reliableChange = measure.reliableChangeIfTracked().orElseThrow(
                () -> new IllegalArgumentException(measure.code() + " has no reliable-change value"));
        var improvement = measure.betterWhen().improvement(first, latest);
        var threshold = reliableChange.points();
        // Tolerance for scores with decimals, so 5.0 points counts as reaching a threshold of 5.
        var epsilon = 1e-9;
        ReliableChangeClass classification;
        if (improvement >= threshold - epsilon) {
            classification = ReliableChangeClass.RELIABLE_IMPROVEMENT;
        } else if (-improvement >= threshold - epsilon) {
            classification = ReliableChangeClass.RELIABLE_DETERIORATION;
        } else {
            classification = ReliableChangeClass.NO_RELIABLE_CHANGE;
        }
        return new ChangeAssessment(measure, first, latest, improvement, threshold, reliableChange.formula(), classification);
    }

    public boolean reliablyImproved() {
        return classification == ReliableChangeClass.RELIABLE_IMPROVEMENT;
    }

    public boolean reliablyDeteriorated() {
        return classification == ReliableChangeClass.RELIABLE_DETERIORATION;
    }

    /**
     * The Jacobson–Truax index RC = (x₂ − x₁) / S_diff, signed so that positive means better;
     * available only when the threshold was derived from SD and reliability.
     */
    public OptionalDouble reliableChangeIndex() {
        var reliableChange = measure.reliableChange();
        if (reliableChange == null || !reliableChange.isDerived()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(improvement / ReliableChange.standardDifference(
                reliableChange.standardDeviation(), reliableChange.reliability()));
    }
}
