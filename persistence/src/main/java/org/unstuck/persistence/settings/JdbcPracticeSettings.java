package org.unstuck.persistence.settings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.Versioned;
import org.unstuck.domain.progress.PracticeSettings;
import org.unstuck.domain.progress.ReviewSettings;

@Repository
@Transactional(readOnly = true)
class JdbcPracticeSettings implements PracticeSettings {

    private final JdbcClient jdbc;

    JdbcPracticeSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Versioned<ReviewSettings> reviewSettings() {
        return jdbc.sql("SELECT * FROM review_settings WHERE id = 1")
                .query((row, number) -> new Versioned<>(new ReviewSettings(
                        row.getInt("no_improvement_after_sessions"),
                        row.getDouble("alliance_drop_points"),
                        row.getInt("alliance_sessions_below_for_stalled"),
                        row.getInt("attendance_window"),
                        row.getInt("attendance_minimum_scheduled"),
                        row.getDouble("minimum_attendance_rate"),
                        row.getInt("no_shows_in_a_row"),
                        row.getInt("homework_window"),
                        row.getInt("homework_not_done_count"),
                        row.getInt("drift_watch_days"),
                        row.getInt("drift_stalled_days"),
                        row.getInt("off_track_sessions_for_stalled"),
                        row.getInt("trajectory_minimum_cases"),
                        row.getDouble("trajectory_tolerance_z")), row.getLong("version")))
                .single();
    }

    @Override
    @Transactional
    public Versioned<ReviewSettings> save(ReviewSettings settings, long editedFromVersion) {
        var updated = jdbc.sql("""
                UPDATE review_settings SET
                    no_improvement_after_sessions = :noImprovement, alliance_drop_points = :allianceDrop,
                    alliance_sessions_below_for_stalled = :allianceBelow, attendance_window = :attendanceWindow,
                    attendance_minimum_scheduled = :attendanceMinimum, minimum_attendance_rate = :attendanceRate,
                    no_shows_in_a_row = :noShows, homework_window = :homeworkWindow,
                    homework_not_done_count = :homeworkNotDone, drift_watch_days = :driftWatch,
                    drift_stalled_days = :driftStalled, off_track_sessions_for_stalled = :offTrack,
                    trajectory_minimum_cases = :trajectoryCases, trajectory_tolerance_z = :trajectoryZ,
                    version = version + 1
                WHERE id = 1 AND version = :version""")
                .param("noImprovement", settings.noImprovementAfterSessions())
                .param("allianceDrop", settings.allianceDropPoints())
                .param("allianceBelow", settings.allianceSessionsBelowCutoffForStalled())
                .param("attendanceWindow", settings.attendanceWindow())
                .param("attendanceMinimum", settings.attendanceMinimumScheduled())
                .param("attendanceRate", settings.minimumAttendanceRate())
                .param("noShows", settings.noShowsInARow())
                .param("homeworkWindow", settings.homeworkWindow())
                .param("homeworkNotDone", settings.homeworkNotDoneCount())
                .param("driftWatch", settings.driftWatchDays())
                .param("driftStalled", settings.driftStalledDays())
                .param("offTrack", settings.offTrackSessionsForStalled())
                .param("trajectoryCases", settings.trajectoryMinimumCases())
                .param("trajectoryZ", settings.trajectoryToleranceZ())
                .param("version", editedFromVersion)
                .update();
        if (updated == 0) {
            throw new ConcurrentChangeException("the review settings");
        }
        return reviewSettings();
    }
}
