package org.unstuck.domain.review;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.measure.Direction;
import org.unstuck.domain.progress.CaseStatus;

/**
 * Whether a case moved between a decision and its follow-up date: its status at the decision, the
 * status in force on the follow-up date (which the verdict compares), how its primary score changed
 * from the decision to that date (positive = better), and where it stands now.
 *
 * @param atFollowUp the status in force on the follow-up date; null when the case had no assessment by then
 * @param nowSince the day the current status began, from the case's history
 * @param daysToLessSevere for an improved case, the days from the decision to the first day it was less severe
 */
public record DecisionOutcome(CaseStatus before, @Nullable CaseStatus atFollowUp, CaseStatus now, @Nullable LocalDate nowSince,
        @Nullable Double scoreImprovement, Verdict verdict, @Nullable Integer daysToLessSevere) {

    public enum Verdict {
        IMPROVED,
        UNCHANGED,
        WORSENED,
        NOT_KNOWN
    }

    /** What the case's history says of it around one decision. */
    public record Course(@Nullable CaseStatus atFollowUp, @Nullable Double primaryAtFollowUp, CaseStatus now,
            @Nullable LocalDate nowSince, @Nullable LocalDate firstLessSevere) {
    }

    public static DecisionOutcome of(Decision decision, Course course, Direction betterWhen) {
        var before = decision.statusAtDecision();
        var atDecision = decision.primaryScoreAtDecision();
        Double improvement = atDecision == null || course.primaryAtFollowUp() == null
                ? null : betterWhen.improvement(atDecision, course.primaryAtFollowUp());
        var atFollowUp = course.atFollowUp();
        Verdict verdict;
        if (atFollowUp == null) {
            verdict = Verdict.NOT_KNOWN;
        } else {
            var comparison = Integer.compare(atFollowUp.severityRank(), before.severityRank());
            verdict = comparison < 0 ? Verdict.IMPROVED : comparison > 0 ? Verdict.WORSENED : Verdict.UNCHANGED;
        }
        var firstLessSevere = course.firstLessSevere();
        Integer days = verdict == Verdict.IMPROVED && firstLessSevere != null && !firstLessSevere.isAfter(decision.followUpOn())
                ? (int) ChronoUnit.DAYS.between(decision.decidedOn(), firstLessSevere) : null;
        return new DecisionOutcome(before, atFollowUp, course.now(), course.nowSince(), improvement, verdict, days);
    }

    /** A case flagged when decided and, on its follow-up date, no longer flagged or less severely. */
    public boolean improved() {
        return verdict == Verdict.IMPROVED;
    }
}
