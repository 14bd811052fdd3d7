package org.unstuck.domain.measure;

/** Which way a measure's scores get better. */
public enum Direction {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER;

    /** How much better {@code later} is than {@code earlier}: positive when it improved, negative when it worsened. */
    public double improvement(double earlier, double later) {
        return this == LOWER_IS_BETTER ? earlier - later : later - earlier;
    }

    /** True when {@code a} is a worse score than {@code b}. */
    public boolean isWorse(double a, double b) {
        return improvement(b, a) < 0;
    }
}
