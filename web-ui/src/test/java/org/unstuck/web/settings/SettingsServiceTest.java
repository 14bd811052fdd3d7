package org.unstuck.web.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.progress.ReviewSettings;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.InvalidEntryException;

@UnstuckAppTest
class SettingsServiceTest {

    @Autowired SettingsService settings;
    @Autowired JdbcClient jdbc;

    private static ReviewSettingsEntry withSessions(int sessions) {
        var d = ReviewSettingsEntry.of(ReviewSettings.defaults());
        return new ReviewSettingsEntry(sessions, d.allianceDropPoints(), d.allianceSessionsBelowCutoffForStalled(),
                d.attendanceWindow(), d.attendanceMinimumScheduled(), d.minimumAttendanceRate(), d.noShowsInARow(),
                d.homeworkWindow(), d.homeworkNotDoneCount(), d.driftWatchDays(), d.driftStalledDays(),
                d.offTrackSessionsForStalled(), d.trajectoryMinimumCases(), d.trajectoryToleranceZ());
    }

    @Test
    @WithUserDetails("admin")
    void saving_thresholds_reassesses_every_open_case_and_a_stale_edit_is_refused() {
        var start = settings.reviewSettings();
        var open = jdbc.sql("SELECT count(*) FROM therapy_case WHERE closed_on IS NULL").query(Integer.class).single();
        try {
            assertThat(settings.save(withSessions(52), start.version())).isEqualTo(open);
            assertThat(jdbc.sql("SELECT count(*) FROM case_progress_snapshot p JOIN therapy_case c ON c.id = p.case_id "
                    + "WHERE c.closed_on IS NULL AND p.top_rule = 'NO_RELIABLE_IMPROVEMENT'").query(Integer.class).single())
                    .isZero();
            assertThatThrownBy(() -> settings.save(withSessions(7), start.version()))
                    .isInstanceOf(ConcurrentChangeException.class);
        } finally {
            settings.save(withSessions(6), settings.reviewSettings().version());
        }
        assertThat(settings.reviewSettings().value()).isEqualTo(ReviewSettings.defaults());
    }

    @Test
    @WithUserDetails("admin")
    void a_threshold_out_of_its_range_is_refused_with_its_range_and_nothing_changes() {
        var before = settings.reviewSettings();
        assertThatThrownBy(() -> settings.save(withSessions(1), before.version()))
                .isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("must be between 2 and 52; got 1");
        assertThat(settings.reviewSettings()).isEqualTo(before);
    }

    @Test
    @WithUserDetails("admin")
    void the_admin_sets_how_far_back_a_case_may_be_opened_within_one_to_one_hundred_and_twenty_months() {
        assertThat(settings.caseOpeningMonths()).isEqualTo(24);
        try {
            settings.saveCaseOpeningMonths(36);
            assertThat(settings.caseOpeningMonths()).isEqualTo(36);
            for (var wrong : new Integer[] {0, 121, null}) {
                assertThatThrownBy(() -> settings.saveCaseOpeningMonths(wrong))
                        .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                                .containsEntry("caseOpeningMonths", "Enter how many months back a case may be opened, from 1 "
                                        + "to 120."));
            }
            assertThat(settings.caseOpeningMonths()).isEqualTo(36);
        } finally {
            settings.saveCaseOpeningMonths(24);
        }
    }

    @Test
    @WithUserDetails("supervisor1")
    void only_the_admin_changes_settings() {
        assertThatThrownBy(() -> settings.reviewSettings()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> settings.saveCaseOpeningMonths(120)).isInstanceOf(AccessDeniedException.class);
    }
}
