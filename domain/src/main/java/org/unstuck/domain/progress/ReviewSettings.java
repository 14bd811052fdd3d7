package org.unstuck.domain.progress;

/**
 * The thresholds of the stall rules, a practice setting. The defaults are those of the clinical
 * reference.
 *
 * @param noImprovementAfterSessions attended sessions since the first score before "no reliable improvement" applies
 * @param allianceDropPoints a fall of at least this much since the previous session is an alliance concern
 * @param allianceSessionsBelowCutoffForStalled sessions in a row below the alliance cut-off that make a case stalled
 * @param attendanceWindow how many of the latest scheduled sessions the attendance rate covers
 * @param attendanceMinimumScheduled fewest scheduled sessions on which a rate is judged
 * @param minimumAttendanceRate attended ÷ scheduled below this is low attendance
 * @param noShowsInARow this many no-shows in a row is low attendance
 * @param homeworkWindow how many of the latest sessions with homework set are looked at
 * @param homeworkNotDoneCount homework "no" in at least this many of them is a concern
 * @param driftWatchDays days without an attended session before an open case is on watch
 * @param driftStalledDays days without an attended session before an open case is stalled
 * @param offTrackSessionsForStalled scored sessions in a row off the expected trajectory that make a case stalled
 * @param trajectoryMinimumCases finished cases an intake band needs before its trajectory is used
 * @param trajectoryToleranceZ how many residual standard deviations worse than expected is off track
 */
public record ReviewSettings(
        int noImprovementAfterSessions,
        double allianceDropPoints,
        int allianceSessionsBelowCutoffForStalled,
        int attendanceWindow,
        int attendanceMinimumScheduled,
        double minimumAttendanceRate,
        int noShowsInARow,
        int homeworkWindow,
        int homeworkNotDoneCount,
        int driftWatchDays,
        int driftStalledDays,
        int offTrackSessionsForStalled,
        int trajectoryMinimumCases,
        double trajectoryToleranceZ) {

    /** Identifies the rules and their meaning, stored with every assessment. */
    public static final String RULE_SET_VERSION = "unstuck-rules-2";

    public ReviewSettings {
        requireBetween("sessions before no reliable improvement", noImprovementAfterSessions, 2, 52);
        requireBetween("alliance drop points", allianceDropPoints, 0.1, 40);
        requireBetween("sessions below the alliance cut-off", allianceSessionsBelowCutoffForStalled, 1, 10);
        requireBetween("attendance window", attendanceWindow, 2, 52);
        requireBetween("fewest scheduled sessions for an attendance rate", attendanceMinimumScheduled, 1, attendanceWindow);
        requireBetween("minimum attendance rate", minimumAttendanceRate, 0.05, 1);
        requireBetween("no-shows in a row", noShowsInARow, 1, 10);
        requireBetween("homework window", homeworkWindow, 1, 20);
        requireBetween("homework not done count", homeworkNotDoneCount, 1, homeworkWindow);
        requireBetween("days before drift watch", driftWatchDays, 1, 365);
        requireBetween("days before drift stalled", driftStalledDays, driftWatchDays, 730);
        requireBetween("off-trajectory sessions for stalled", offTrackSessionsForStalled, 1, 10);
        requireBetween("finished cases per trajectory band", trajectoryMinimumCases, 5, 10_000);
        requireBetween("trajectory tolerance", trajectoryToleranceZ, 0.5, 4);
    }

    public static ReviewSettings defaults() {
        return new ReviewSettings(6, 1, 2, 8, 4, 0.75, 2, 4, 3, 21, 42, 2, 20, 1.2816);
    }

    private static void requireBetween(String what, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new IllegalArgumentException("The " + what + " must be between " + trim(min) + " and " + trim(max)
                    + "; got " + trim(value));
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
