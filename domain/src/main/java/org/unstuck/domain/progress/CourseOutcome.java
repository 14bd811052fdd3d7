package org.unstuck.domain.progress;

import org.jspecify.annotations.Nullable;
import org.unstuck.domain.measure.ChangeAssessment;
import org.unstuck.domain.measure.MeasureCatalogue;

/**
 * A course of treatment judged by the NHS Talking Therapies definitions, on PHQ-9 (depression)
 * and GAD-7 (anxiety) at the first and last scored sessions.
 *
 * @param finishedCourse at least two attended treatment sessions
 * @param atCaseness PHQ-9 ≥ 10 or GAD-7 ≥ 8 at the first scored session
 * @param recovered at caseness at the start, below caseness on both measures at the end
 * @param reliablyImproved a drop of at least the reliable change on one measure, and no reliable deterioration on the other
 * @param reliablyDeteriorated a rise of at least the reliable change on either measure
 * @param reliablyRecovered recovered and reliably improved
 */
public record CourseOutcome(boolean finishedCourse, boolean atCaseness, boolean recovered, boolean reliablyImproved,
        boolean reliablyDeteriorated, boolean reliablyRecovered) {

    /** First and last scores of one measure over a course. */
    public record Pair(double first, double last) {
    }

    public static CourseOutcome of(int attendedSessions, @Nullable Pair depression, @Nullable Pair anxiety) {
        if (depression == null && anxiety == null) {
            throw new IllegalArgumentException("A course outcome needs PHQ-9 or GAD-7 scores");
        }
        var phq = MeasureCatalogue.PHQ_9;
        var gad = MeasureCatalogue.GAD_7;
        boolean finished = attendedSessions >= 2;
        boolean casenessAtStart = (depression != null && phq.cutoff().isClinical(depression.first()))
                || (anxiety != null && gad.cutoff().isClinical(anxiety.first()));
        boolean belowAtEnd = (depression == null || !phq.cutoff().isClinical(depression.last()))
                && (anxiety == null || !gad.cutoff().isClinical(anxiety.last()));
        boolean recovered = casenessAtStart && belowAtEnd;

        var depressionChange = depression == null ? null : ChangeAssessment.of(phq, depression.first(), depression.last());
        var anxietyChange = anxiety == null ? null : ChangeAssessment.of(gad, anxiety.first(), anxiety.last());
        boolean deteriorated = (depressionChange != null && depressionChange.reliablyDeteriorated())
                || (anxietyChange != null && anxietyChange.reliablyDeteriorated());
        boolean improvedOnOne = (depressionChange != null && depressionChange.reliablyImproved())
                || (anxietyChange != null && anxietyChange.reliablyImproved());
        boolean improved = improvedOnOne && !deteriorated;
        return new CourseOutcome(finished, casenessAtStart, recovered, improved, deteriorated, recovered && improved);
    }
}
