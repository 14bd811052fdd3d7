package org.unstuck.persistence.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.progress.PracticeSettings;
import org.unstuck.domain.progress.ReviewSettings;
import org.unstuck.persistence.PostgresTest;

@PostgresTest
class ReviewSettingsStorageTest {

    @Autowired PracticeSettings settings;

    @Test
    void the_published_defaults_are_stored_and_an_edit_from_an_old_version_is_refused() {
        var current = settings.reviewSettings();
        assertThat(current.value()).isEqualTo(ReviewSettings.defaults());

        var d = ReviewSettings.defaults();
        var patient = new ReviewSettings(8, d.allianceDropPoints(), d.allianceSessionsBelowCutoffForStalled(),
                d.attendanceWindow(), d.attendanceMinimumScheduled(), 0.7, d.noShowsInARow(), d.homeworkWindow(),
                d.homeworkNotDoneCount(), 28, 56, d.offTrackSessionsForStalled(), d.trajectoryMinimumCases(),
                d.trajectoryToleranceZ());
        var saved = settings.save(patient, current.version());
        assertThat(saved.value()).isEqualTo(patient);

        assertThatThrownBy(() -> settings.save(ReviewSettings.defaults(), current.version()))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageStartingWith("Someone else changed the review settings in the meantime");
        settings.save(ReviewSettings.defaults(), saved.version());
    }
}
