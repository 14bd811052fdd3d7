package org.unstuck.domain.measure;

/** A score on one measure; always inside the measure's range. */
public record Score(Measure measure, double value) {

    public Score {
        if (!measure.range().contains(value)) {
            throw new ScoreOutOfRangeException(measure, value);
        }
    }

    public MeasureCode code() {
        return measure.code();
    }

    @Override
    public String toString() {
        return measure.code() + " " + Scores.format(value);
    }
}
