package org.unstuck.domain.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import org.unstuck.domain.measure.ChangeAssessment;

/**
 * Reviews one case: runs every stall rule and makes the case's status the most severe signal.
 * Pure: the same history, settings, day and trajectories always give the same assessment.
 */
public final class ProgressReview {

    private final ReviewSettings settings;
    private final ExpectedTrajectories trajectories;

    public ProgressReview(ReviewSettings settings, ExpectedTrajectories trajectories) {
        this.settings = settings;
        this.trajectories = trajectories;
    }

    public ProgressAssessment assess(CaseHistory history, LocalDate today) {
        var theCase = history.theCase();
        var measure = theCase.primaryMeasure();
        var scores = history.primaryScores();
        var change = scores.size() >= 2
                ? ChangeAssessment.of(measure, scores.getFirst().value(), scores.getLast().value())
                : null;

        var signals = new ArrayList<Signal>(StallRules.riskItem(history.openRiskAlerts()));
        signals.addAll(StallRules.reliableDeterioration(measure, change));
        signals.addAll(StallRules.noReliableImprovement(measure, scores, history.attendedSessions(), change, settings));
        signals.addAll(StallRules.offExpectedTrajectory(measure, scores,
                trajectories.forMeasure(measure.code()).orElse(null), settings));
        signals.addAll(StallRules.allianceConcern(theCase.allianceMeasure(), history.allianceScores(), settings));
        signals.addAll(StallRules.lowAttendance(history.sessions(), settings));
        signals.addAll(StallRules.homeworkNotDone(history.sessions(), settings));
        signals.addAll(StallRules.measureNotTaken(measure, history.sessions()));
        signals.addAll(StallRules.drift(theCase.isOpen(), theCase.opened(), history.sessions(), today, settings));
        signals.addAll(StallRules.therapistReticence(history.therapistFindsItHard()));
        signals.addAll(StallRules.therapistReadiness(history.therapistCompliance()));

        var status = signals.stream()
                .map(Signal::severity)
                .max(Enum::compareTo)
                .map(CaseStatus::of)
                .orElse(scores.size() <= 1 ? CaseStatus.INSUFFICIENT_DATA : CaseStatus.ON_TRACK);
        return new ProgressAssessment(status, signals, change, ReviewSettings.RULE_SET_VERSION);
    }
}
