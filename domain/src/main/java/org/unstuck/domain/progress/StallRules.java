package org.unstuck.domain.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.measure.ChangeAssessment;
import org.unstuck.domain.measure.Direction;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.Scores;

/**
 * The stall rules of the clinical reference, each a pure function of a case's data and the
 * practice's settings. Each returns the signals it finds, or none.
 */
public final class StallRules {

    private StallRules() {
    }

    /** Latest score worse than the first by at least the reliable change: DETERIORATING. */
    public static List<Signal> reliableDeterioration(Measure measure, @Nullable ChangeAssessment change) {
        if (change == null || !change.reliablyDeteriorated()) {
            return List.of();
        }
        return List.of(new Signal(Rule.RELIABLE_DETERIORATION, Severity.DETERIORATING, Explanation.of(
                "signal.deterioration", measure.code().value(), Scores.format(change.first()),
                Scores.format(change.latest()), Scores.format(-change.improvement()), Scores.format(change.threshold()))));
    }

    /**
     * At least N attended sessions since the first score, scored or not, and no reliable improvement
     * by the latest score (and no reliable deterioration, which has its own rule): STALLED.
     */
    public static List<Signal> noReliableImprovement(Measure measure, List<ScoredSession> scores, int attendedSessions,
            @Nullable ChangeAssessment change, ReviewSettings settings) {
        if (change == null || change.reliablyImproved() || change.reliablyDeteriorated()) {
            return List.of();
        }
        var sessionsSinceFirstScore = attendedSessions - scores.getFirst().sessionNumber() + 1;
        if (sessionsSinceFirstScore < settings.noImprovementAfterSessions()) {
            return List.of();
        }
        var key = measure.betterWhen() == Direction.LOWER_IS_BETTER
                ? "signal.no-improvement.drop" : "signal.no-improvement.rise";
        return List.of(new Signal(Rule.NO_RELIABLE_IMPROVEMENT, Severity.STALLED, Explanation.of(key,
                measure.code().value(), Scores.format(change.first()), Scores.format(change.latest()),
                sessionsSinceFirstScore, Scores.format(change.threshold()))));
    }

    /**
     * Latest score worse than the band expected for its session number and intake severity:
     * WATCH, or STALLED when the previous scored session was off track too.
     */
    public static List<Signal> offExpectedTrajectory(Measure measure, List<ScoredSession> scores,
            @Nullable TrajectoryModel model, ReviewSettings settings) {
        if (model == null || scores.size() < 2) {
            return List.of();
        }
        var band = model.bandFor(scores.getFirst().value()).filter(TrajectoryModel.IntakeBand::isFitted);
        if (band.isEmpty()) {
            return List.of();
        }
        int offTrackInARow = 0;
        for (int i = scores.size() - 1; i >= 1; i--) {
            if (!isOffTrack(measure, band.get(), scores.get(i), settings)) {
                break;
            }
            offTrackInARow++;
        }
        if (offTrackInARow == 0) {
            return List.of();
        }
        var latest = scores.getLast();
        var expected = band.get().expectedAt(latest.sessionNumber());
        var severity = offTrackInARow >= settings.offTrackSessionsForStalled() ? Severity.STALLED : Severity.WATCH;
        return List.of(new Signal(Rule.OFF_EXPECTED_TRAJECTORY, severity, Explanation.of("signal.off-trajectory",
                measure.code().value(), Scores.format(latest.value()), latest.sessionNumber(),
                Scores.format(Math.round(expected * 10) / 10.0), offTrackInARow)));
    }

    private static boolean isOffTrack(Measure measure, TrajectoryModel.IntakeBand band, ScoredSession score,
            ReviewSettings settings) {
        var tolerance = settings.trajectoryToleranceZ() * band.residualSd();
        var expected = band.expectedAt(score.sessionNumber());
        return measure.betterWhen().improvement(expected, score.value()) < -tolerance;
    }

    /**
     * Latest alliance score below the cut-off, or at least the drop setting below the previous
     * session: WATCH; below the cut-off at the last N sessions: STALLED.
     */
    public static List<Signal> allianceConcern(@Nullable Measure alliance, List<ScoredSession> scores, ReviewSettings settings) {
        if (alliance == null || scores.isEmpty()) {
            return List.of();
        }
        var latest = scores.getLast();
        var cutoff = alliance.cutoff();
        var code = alliance.code().value();
        if (cutoff.isClinical(latest.value())) {
            int belowInARow = 0;
            for (int i = scores.size() - 1; i >= 0 && cutoff.isClinical(scores.get(i).value()); i--) {
                belowInARow++;
            }
            if (belowInARow >= settings.allianceSessionsBelowCutoffForStalled()) {
                return List.of(new Signal(Rule.ALLIANCE_CONCERN, Severity.STALLED, Explanation.of(
                        "signal.alliance.below-in-a-row", code, Scores.format(cutoff.value()), belowInARow,
                        Scores.format(latest.value()))));
            }
            return List.of(new Signal(Rule.ALLIANCE_CONCERN, Severity.WATCH, Explanation.of(
                    "signal.alliance.below", code, Scores.format(latest.value()), Scores.format(cutoff.value()))));
        }
        if (scores.size() >= 2) {
            var previous = scores.get(scores.size() - 2);
            var fall = alliance.betterWhen().improvement(latest.value(), previous.value());
            if (fall >= settings.allianceDropPoints() - 1e-9) {
                return List.of(new Signal(Rule.ALLIANCE_CONCERN, Severity.WATCH, Explanation.of(
                        "signal.alliance.fell", code, Scores.format(previous.value()), Scores.format(latest.value()))));
            }
        }
        return List.of();
    }

    /**
     * Attended ÷ scheduled below the minimum over the latest sessions, or the last sessions all
     * no-shows: WATCH.
     */
    public static List<Signal> lowAttendance(List<Session> sessions, ReviewSettings settings) {
        var signals = new ArrayList<Signal>();
        var window = sessions.subList(Math.max(0, sessions.size() - settings.attendanceWindow()), sessions.size());
        if (window.size() >= settings.attendanceMinimumScheduled()) {
            long attended = window.stream().filter(Session::wasAttended).count();
            double rate = (double) attended / window.size();
            if (rate < settings.minimumAttendanceRate() - 1e-9) {
                signals.add(new Signal(Rule.LOW_ATTENDANCE, Severity.WATCH, Explanation.of("signal.attendance.rate",
                        attended, window.size(), rate, settings.minimumAttendanceRate())));
            }
        }
        int noShows = 0;
        for (int i = sessions.size() - 1; i >= 0 && sessions.get(i).attendance() == Attendance.NO_SHOW; i--) {
            noShows++;
        }
        if (noShows >= settings.noShowsInARow() && signals.isEmpty()) {
            signals.add(new Signal(Rule.LOW_ATTENDANCE, Severity.WATCH, Explanation.of("signal.attendance.no-shows", noShows)));
        }
        return signals;
    }

    /** How many attended sessions in a row without the primary measure make the outcome unknown. */
    public static final int MEASURE_MISSED_IN_A_ROW = 2;

    /**
     * The primary measure not taken at the latest attended sessions, {@value #MEASURE_MISSED_IN_A_ROW}
     * in a row: WATCH, since without it no other rule can tell whether the client is improving.
     */
    public static List<Signal> measureNotTaken(Measure measure, List<Session> sessions) {
        var latestAttended = sessions.stream().filter(Session::wasAttended).toList();
        if (latestAttended.size() < MEASURE_MISSED_IN_A_ROW) {
            return List.of();
        }
        var window = latestAttended.subList(latestAttended.size() - MEASURE_MISSED_IN_A_ROW, latestAttended.size());
        if (window.stream().anyMatch(session -> session.scoreOn(measure.code()).isPresent())) {
            return List.of();
        }
        return List.of(new Signal(Rule.MEASURE_NOT_TAKEN, Severity.WATCH, Explanation.of("signal.measure-not-taken",
                measure.code().value(), MEASURE_MISSED_IN_A_ROW)));
    }

    /** Homework "no" in at least N of the latest sessions where homework was set: WATCH. */
    public static List<Signal> homeworkNotDone(List<Session> sessions, ReviewSettings settings) {
        int looked = 0;
        int notDone = 0;
        for (int i = sessions.size() - 1; i >= 0 && looked < settings.homeworkWindow(); i--) {
            var homework = sessions.get(i).homework();
            if (homework == Homework.NOT_SET) {
                continue;
            }
            looked++;
            if (homework == Homework.NO) {
                notDone++;
            }
        }
        if (notDone < settings.homeworkNotDoneCount()) {
            return List.of();
        }
        return List.of(new Signal(Rule.HOMEWORK_NOT_DONE, Severity.WATCH,
                Explanation.of("signal.homework", notDone, looked)));
    }

    /** An open case with no attended session for D days: WATCH, STALLED after the longer setting. */
    public static List<Signal> drift(boolean open, LocalDate opened, List<Session> sessions, LocalDate today,
            ReviewSettings settings) {
        if (!open) {
            return List.of();
        }
        LocalDate lastAttended = null;
        for (int i = sessions.size() - 1; i >= 0; i--) {
            if (sessions.get(i).wasAttended()) {
                lastAttended = sessions.get(i).date();
                break;
            }
        }
        var since = lastAttended != null ? lastAttended : opened;
        var days = ChronoUnit.DAYS.between(since, today);
        if (days < settings.driftWatchDays()) {
            return List.of();
        }
        var severity = days >= settings.driftStalledDays() ? Severity.STALLED : Severity.WATCH;
        var key = lastAttended != null ? "signal.drift" : "signal.drift.never-attended";
        return List.of(new Signal(Rule.DRIFT, severity, Explanation.of(key, days, since.toString())));
    }

    /**
     * A critical item endorsed at a session and not yet reviewed: RISK, one signal naming the latest
     * alert and how many earlier ones wait with it.
     */
    public static List<Signal> riskItem(List<RiskAlert> openAlerts) {
        if (openAlerts.isEmpty()) {
            return List.of();
        }
        var latest = openAlerts.stream().max(Comparator.comparing(RiskAlert::sessionDate)
                .thenComparing(RiskAlert::raisedAt)).orElseThrow();
        return List.of(new Signal(Rule.RISK_ITEM, Severity.RISK, Explanation.of("signal.risk-item",
                latest.measure().value(), latest.item(), latest.label(), latest.score(), latest.sessionDate().toString(),
                openAlerts.size() - 1)));
    }

    /** The latest reflective note says the therapist finds it hard to work with this client: STALLED. */
    public static List<Signal> therapistReticence(boolean therapistFindsItHard) {
        return therapistFindsItHard
                ? List.of(new Signal(Rule.THERAPIST_RETICENCE, Severity.STALLED, Explanation.of("signal.reticence")))
                : List.of();
    }

    /** The assigned therapist's licence or insurance not in force, or CPD short: WATCH, one signal per problem. */
    public static List<Signal> therapistReadiness(TherapistCompliance compliance) {
        var signals = new ArrayList<Signal>();
        for (var requirement : compliance.missingForNewCases()) {
            var type = requirement.type().name().toLowerCase(Locale.ROOT);
            var explanation = requirement.status() == ComplianceStatus.EXPIRED && requirement.validTo() != null
                    ? Explanation.of("signal.readiness.expired." + type, requirement.validTo().toString())
                    : Explanation.of("signal.readiness.missing." + type);
            signals.add(new Signal(Rule.THERAPIST_READINESS, Severity.WATCH, explanation));
        }
        if (compliance.cpd().isShort()) {
            signals.add(new Signal(Rule.THERAPIST_READINESS, Severity.WATCH, Explanation.of("signal.readiness.cpd",
                    Scores.format(compliance.cpd().hoursDone()), Scores.format(compliance.cpd().hoursRequired()))));
        }
        return signals;
    }
}
