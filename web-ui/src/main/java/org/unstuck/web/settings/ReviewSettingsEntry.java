package org.unstuck.web.settings;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.progress.ReviewSettings;

/** The thresholds as typed in the settings form; any may be missing until checked. */
public record ReviewSettingsEntry(
        @Nullable Integer noImprovementAfterSessions,
        @Nullable Double allianceDropPoints,
        @Nullable Integer allianceSessionsBelowCutoffForStalled,
        @Nullable Integer attendanceWindow,
        @Nullable Integer attendanceMinimumScheduled,
        @Nullable Double minimumAttendanceRate,
        @Nullable Integer noShowsInARow,
        @Nullable Integer homeworkWindow,
        @Nullable Integer homeworkNotDoneCount,
        @Nullable Integer driftWatchDays,
        @Nullable Integer driftStalledDays,
        @Nullable Integer offTrackSessionsForStalled,
        @Nullable Integer trajectoryMinimumCases,
        @Nullable Double trajectoryToleranceZ) {

    public static ReviewSettingsEntry of(ReviewSettings settings) {
        return new ReviewSettingsEntry(settings.noImprovementAfterSessions(), settings.allianceDropPoints(),
                settings.allianceSessionsBelowCutoffForStalled(), settings.attendanceWindow(),
                settings.attendanceMinimumScheduled(), settings.minimumAttendanceRate(), settings.noShowsInARow(),
                settings.homeworkWindow(), settings.homeworkNotDoneCount(), settings.driftWatchDays(),
                settings.driftStalledDays(), settings.offTrackSessionsForStalled(), settings.trajectoryMinimumCases(),
                settings.trajectoryToleranceZ());
    }

    /** @throws IllegalArgumentException naming the first threshold out of its range */
    ReviewSettings toSettings() {
        return new ReviewSettings(required(noImprovementAfterSessions), required(allianceDropPoints),
                required(allianceSessionsBelowCutoffForStalled), required(attendanceWindow),
                required(attendanceMinimumScheduled), required(minimumAttendanceRate), required(noShowsInARow),
                required(homeworkWindow), required(homeworkNotDoneCount), required(driftWatchDays),
                required(driftStalledDays), required(offTrackSessionsForStalled), required(trajectoryMinimumCases),
                required(trajectoryToleranceZ));
    }

    private static <T> T required(@Nullable T value) {
        return Objects.requireNonNull(value, "Fill in every threshold");
    }
}
