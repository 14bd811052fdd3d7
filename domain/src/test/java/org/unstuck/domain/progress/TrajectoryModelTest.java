package org.unstuck.domain.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.measure.MeasureCatalogue;

class TrajectoryModelTest {

    private static final ReviewSettings SETTINGS = ReviewSettings.defaults();

    /** Finished PHQ-9 cases starting at 22 or 24 that fall as 23 − 4·ln(n), one point either side. */
    private static List<List<ScoredSession>> finishedCases(int count) {
        var cases = new ArrayList<List<ScoredSession>>();
        for (int c = 0; c < count; c++) {
            var offset = c % 2 == 0 ? 1 : -1;
            var scores = new ArrayList<ScoredSession>();
            for (int n = 1; n <= 10; n++) {
                var value = Math.round(23 - 4 * Math.log(n)) + offset;
                scores.add(new ScoredSession(n, Histories.FIRST_SESSION.plusWeeks(n - 1), value));
            }
            cases.add(scores);
        }
        return cases;
    }

    @Test
    void the_fit_recovers_the_log_curve_of_the_finished_cases() {
        var model = TrajectoryModel.fit(MeasureCatalogue.PHQ_9, finishedCases(20), SETTINGS);
        var band = model.bandFor(23).orElseThrow();
        assertThat(band.isFitted()).isTrue();
        assertThat(band.cases()).isEqualTo(20);
        assertThat(band.intercept()).isCloseTo(23, within(0.3));
        assertThat(band.slope()).isCloseTo(-4, within(0.2));
        assertThat(band.expectedAt(1)).isCloseTo(23, within(0.3));
    }

    @Test
    void with_too_few_finished_cases_the_band_says_so_and_flags_nothing() {
        var model = TrajectoryModel.fit(MeasureCatalogue.PHQ_9, finishedCases(19), SETTINGS);
        var band = model.bandFor(23).orElseThrow();
        assertThat(band.isFitted()).isFalse();
        assertThat(band.cases()).isEqualTo(19);
        assertThat(band.casesNeeded()).isEqualTo(20);

        var flat = Histories.phq9(23, 23, 23, 23);
        var review = new ProgressReview(SETTINGS, new ExpectedTrajectories(List.of(model)));
        assertThat(review.assess(flat, Histories.weekAfterLast(flat.sessions())).signals())
                .noneMatch(signal -> signal.rule() == Rule.OFF_EXPECTED_TRAJECTORY);
    }

    @Test
    void a_case_worse_than_the_band_is_watch_then_stalled_when_it_stays_off_track() {
        var model = TrajectoryModel.fit(MeasureCatalogue.PHQ_9, finishedCases(40), SETTINGS);
        var review = new ProgressReview(SETTINGS, new ExpectedTrajectories(List.of(model)));

        var onTrack = Histories.phq9(23, 20, 19);
        assertThat(review.assess(onTrack, Histories.weekAfterLast(onTrack.sessions())).signals())
                .noneMatch(signal -> signal.rule() == Rule.OFF_EXPECTED_TRAJECTORY);

        var onceOff = Histories.phq9(23, 20, 23);
        var watch = review.assess(onceOff, Histories.weekAfterLast(onceOff.sessions())).signals().stream()
                .filter(signal -> signal.rule() == Rule.OFF_EXPECTED_TRAJECTORY).toList();
        assertThat(watch).singleElement().satisfies(signal -> {
            assertThat(signal.severity()).isEqualTo(Severity.WATCH);
            assertThat(signal.sentence()).startsWith("PHQ-9 23 at session 3, worse than the 18.6 expected by now");
        });

        var twiceOff = Histories.phq9(23, 23, 23);
        assertThat(review.assess(twiceOff, Histories.weekAfterLast(twiceOff.sessions())).signals())
                .filteredOn(signal -> signal.rule() == Rule.OFF_EXPECTED_TRAJECTORY)
                .singleElement().extracting(Signal::severity).isEqualTo(Severity.STALLED);
    }
}
