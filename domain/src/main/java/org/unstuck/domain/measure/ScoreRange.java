package org.unstuck.domain.measure;

/**
 * The scores a measure allows: from {@code min} to {@code max} inclusive, with at most
 * {@code decimals} digits after the point (0 for whole-number questionnaires, 1 for visual
 * analogue scales such as ORS and SRS).
 */
public record ScoreRange(double min, double max, int decimals) {

    public ScoreRange {
        if (!(min < max)) {
            throw new IllegalArgumentException("A score range needs min below max; got " + min + " to " + max);
        }
        if (decimals < 0 || decimals > 2) {
            throw new IllegalArgumentException("A score has 0, 1 or 2 decimals; got " + decimals);
        }
    }

    public boolean contains(double value) {
        if (Double.isNaN(value) || value < min || value > max) {
            return false;
        }
        var scaled = value * Math.pow(10, decimals);
        return Math.abs(scaled - Math.rint(scaled)) < 1e-6;
    }

    public double width() {
        return max - min;
    }

    /** "0–27" or "0–40 (one decimal)". */
    public String describe() {
        var text = Scores.format(min) + "–" + Scores.format(max);
        return switch (decimals) {
            case 0 -> text + " in whole points";
            case 1 -> text + " with at most one decimal";
            default -> text + " with at most two decimals";
        };
    }
}
