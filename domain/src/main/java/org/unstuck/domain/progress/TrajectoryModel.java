package org.unstuck.domain.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unstuck.domain.measure.Measure;

/**
 * The expected course of scores on one measure, fitted on the practice's own finished cases
 * (Finch, Lambert and Schaalje 2001): within each intake-severity band, score = a + b·ln(session
 * number), with a tolerance of z residual standard deviations. A band with too few finished cases
 * says so and is not used.
 */
public record TrajectoryModel(Measure measure, List<IntakeBand> bands) {

    /** Intake bands split the measure's range into this many equal parts. */
    public static final int BAND_COUNT = 4;

    public TrajectoryModel {
        bands = List.copyOf(bands);
    }

    /**
     * One intake-severity band: cases whose first score lies in [from, to) (the last band includes
     * its upper end).
     */
    public record IntakeBand(double from, double to, int cases, int casesNeeded, double intercept, double slope,
            double residualSd) {

        public boolean isFitted() {
            return cases >= casesNeeded;
        }

        public double expectedAt(int sessionNumber) {
            return intercept + slope * Math.log(sessionNumber);
        }
    }

    /** Fits the model on finished cases, each given as its scores on this measure by attended session. */
    public static TrajectoryModel fit(Measure measure, List<List<ScoredSession>> finishedCases, ReviewSettings settings) {
        var range = measure.range();
        var width = range.width() / BAND_COUNT;
        var bands = new ArrayList<IntakeBand>();
        for (int band = 0; band < BAND_COUNT; band++) {
            double from = range.min() + band * width;
            double to = band == BAND_COUNT - 1 ? range.max() : from + width;
            bands.add(fitBand(from, to, band == BAND_COUNT - 1, finishedCases, settings.trajectoryMinimumCases()));
        }
        return new TrajectoryModel(measure, bands);
    }

    private static IntakeBand fitBand(double from, double to, boolean includesUpperEnd,
            List<List<ScoredSession>> finishedCases, int casesNeeded) {
        int cases = 0;
        int points = 0;
        double sumX = 0, sumY = 0, sumXX = 0, sumXY = 0;
        for (var scores : finishedCases) {
            if (scores.size() < 2) {
                continue;
            }
            var intake = scores.getFirst().value();
            if (intake < from || intake > to || (intake == to && !includesUpperEnd)) {
                continue;
            }
            cases++;
            for (var score : scores) {
                var x = Math.log(score.sessionNumber());
                sumX += x;
                sumY += score.value();
                sumXX += x * x;
                sumXY += x * score.value();
                points++;
            }
        }
        if (cases < casesNeeded || points < 3) {
            return new IntakeBand(from, to, cases, casesNeeded, Double.NaN, Double.NaN, Double.NaN);
        }
        var denominator = points * sumXX - sumX * sumX;
        var slope = denominator == 0 ? 0 : (points * sumXY - sumX * sumY) / denominator;
        var intercept = (sumY - slope * sumX) / points;
        double squaredResiduals = 0;
        for (var scores : finishedCases) {
            if (scores.size() < 2) {
                continue;
            }
            var intake = scores.getFirst().value();
            if (intake < from || intake > to || (intake == to && !includesUpperEnd)) {
                continue;
            }
            for (var score : scores) {
                var residual = score.value() - (intercept + slope * Math.log(score.sessionNumber()));
                squaredResiduals += residual * residual;
            }
        }
        var residualSd = Math.sqrt(squaredResiduals / (points - 2));
        return new IntakeBand(from, to, cases, casesNeeded, intercept, slope, residualSd);
    }

    /** The band a case with this intake score belongs to. */
    public Optional<IntakeBand> bandFor(double intake) {
        for (int i = 0; i < bands.size(); i++) {
            var band = bands.get(i);
            boolean last = i == bands.size() - 1;
            if (intake >= band.from() && (intake < band.to() || (last && intake <= band.to()))) {
                return Optional.of(band);
            }
        }
        return Optional.empty();
    }
}
