package org.unstuck.domain.measure;

/**
 * The score that separates a clinical from a non-clinical population.
 *
 * @param value the threshold
 * @param clinicalWhen whether a score at or above, or below, the threshold is in the clinical range
 */
public record ClinicalCutoff(double value, Side clinicalWhen) {

    public enum Side {
        AT_OR_ABOVE,
        BELOW
    }

    /** True when the score is in the clinical range ("caseness"). */
    public boolean isClinical(double score) {
        return clinicalWhen == Side.AT_OR_ABOVE ? score >= value : score < value;
    }

    /**
     * Jacobson and Truax (1991) criterion c: the point between the clinical (mean m1, SD sd1) and
     * the functional (mean m0, SD sd0) populations, c = (sd0·m1 + sd1·m0) / (sd0 + sd1).
     */
    public static double criterionC(double functionalMean, double functionalSd, double clinicalMean, double clinicalSd) {
        if (functionalSd <= 0 || clinicalSd <= 0) {
            throw new IllegalArgumentException("Standard deviations must be positive");
        }
        return (functionalSd * clinicalMean + clinicalSd * functionalMean) / (functionalSd + clinicalSd);
    }

    /** "≥ 10" or "< 25", for sentences and settings screens. */
    public String describe() {
        return (clinicalWhen == Side.AT_OR_ABOVE ? "≥ " : "< ") + Scores.format(value);
    }
}
