package org.unstuck.domain.review;

import org.jspecify.annotations.Nullable;
import org.unstuck.domain.measure.Direction;
import org.unstuck.domain.progress.CaseStatus;

/**
 * Whether a case moved between a decision and its follow-up: its status then and now, and how its
 * primary score changed (positive = better).
 */
public record DecisionOutcome(CaseStatus before, CaseStatus now, @Nullable Double scoreImprovement, Verdict verdict) {

    public enum Verdict {
        IMPROVED,
        UNCHANGED,
        WORSENED
    }

    public static DecisionOutcome of(Decision decision, CaseStatus now, @Nullable Double latestPrimaryScore,
            Direction betterWhen) {
        var before = decision.statusAtDecision();
        var atDecision = decision.primaryScoreAtDecision();
        Double improvement = atDecision == null || latestPrimaryScore == null
                ? null : betterWhen.improvement(atDecision, latestPrimaryScore);
        var comparison = Integer.compare(now.severityRank(), before.severityRank());
        var verdict = comparison < 0 ? Verdict.IMPROVED : comparison > 0 ? Verdict.WORSENED : Verdict.UNCHANGED;
        return new DecisionOutcome(before, now, improvement, verdict);
    }

    /** A case that was flagged when decided and is no longer flagged, or less severely. */
    public boolean improved() {
        return verdict == Verdict.IMPROVED;
    }
}
