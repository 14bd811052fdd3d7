package org.unstuck.domain.measure;

/** A score outside its measure's range; the message names the measure and what it allows. */
public class ScoreOutOfRangeException extends IllegalArgumentException {

    private final transient Measure measure;
    private final double value;

    public ScoreOutOfRangeException(Measure measure, double value) {
        super(measure.code() + " scores are " + measure.range().describe() + "; got " + Scores.format(value));
        this.measure = measure;
        this.value = value;
    }

    public Measure measure() {
        return measure;
    }

    public double value() {
        return value;
    }
}
