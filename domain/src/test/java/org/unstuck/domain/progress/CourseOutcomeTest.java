package org.unstuck.domain.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unstuck.domain.progress.CourseOutcome.Pair;

/** NHS Talking Therapies definitions, worked by hand on PHQ-9 (RC 6, case ≥ 10) and GAD-7 (RC 4, case ≥ 8). */
class CourseOutcomeTest {

    @Test
    void recovered_and_reliably_improved_is_reliable_recovery() {
        var outcome = CourseOutcome.of(8, new Pair(16, 7), new Pair(12, 6));
        assertThat(outcome).isEqualTo(new CourseOutcome(true, true, true, true, false, true));
    }

    @Test
    void below_caseness_at_the_end_without_a_reliable_drop_is_recovery_without_reliable_improvement() {
        var outcome = CourseOutcome.of(6, new Pair(11, 9), new Pair(7, 6));
        assertThat(outcome.atCaseness()).isTrue();
        assertThat(outcome.recovered()).isTrue();
        assertThat(outcome.reliablyImproved()).isFalse();
        assertThat(outcome.reliablyRecovered()).isFalse();
    }

    @Test
    void a_reliable_drop_on_one_measure_with_reliable_deterioration_on_the_other_is_not_improvement() {
        var outcome = CourseOutcome.of(10, new Pair(20, 13), new Pair(9, 13));
        assertThat(outcome.reliablyDeteriorated()).isTrue();
        assertThat(outcome.reliablyImproved()).isFalse();
        assertThat(outcome.recovered()).isFalse();
    }

    @Test
    void still_at_caseness_on_one_measure_is_not_recovery() {
        var outcome = CourseOutcome.of(10, new Pair(18, 9), new Pair(14, 8));
        assertThat(outcome.reliablyImproved()).isTrue();
        assertThat(outcome.recovered()).isFalse();
    }

    @Test
    void a_client_below_caseness_at_the_start_cannot_recover() {
        var outcome = CourseOutcome.of(5, new Pair(8, 3), new Pair(6, 2));
        assertThat(outcome.atCaseness()).isFalse();
        assertThat(outcome.recovered()).isFalse();
    }

    @Test
    void one_attended_session_is_not_a_finished_course() {
        assertThat(CourseOutcome.of(1, new Pair(15, 15), null).finishedCourse()).isFalse();
        assertThat(CourseOutcome.of(2, new Pair(15, 15), null).finishedCourse()).isTrue();
    }
}
