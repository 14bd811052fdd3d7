package org.unstuck.domain.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScoreRangeProperties {

    @Provide
    Arbitrary<Measure> measures() {
        return Arbitraries.of(MeasureCatalogue.BUILT_INS);
    }

    @Property
    void a_score_outside_the_range_is_always_refused_with_the_measure_and_its_range(
            @ForAll("measures") Measure measure, @ForAll double value) {
        var range = measure.range();
        var outside = value < range.min() || value > range.max() || Double.isNaN(value);
        if (outside) {
            assertThatThrownBy(() -> new Score(measure, value))
                    .isInstanceOf(ScoreOutOfRangeException.class)
                    .hasMessageStartingWith(measure.code() + " scores are " + Scores.format(range.min()) + "–"
                            + Scores.format(range.max()));
        }
    }

    @Property
    void every_whole_score_inside_the_range_is_accepted(@ForAll("measures") Measure measure) {
        var range = measure.range();
        for (double value = range.min(); value <= range.max(); value++) {
            assertThat(new Score(measure, value).value()).isEqualTo(value);
        }
    }

    @Example
    void a_questionnaire_of_whole_points_refuses_a_decimal() {
        assertThatThrownBy(() -> MeasureCatalogue.PHQ_9.score(12.5))
                .hasMessage("PHQ-9 scores are 0–27 in whole points; got 12.5");
        assertThatThrownBy(() -> MeasureCatalogue.PHQ_9.score(28))
                .hasMessage("PHQ-9 scores are 0–27 in whole points; got 28");
        assertThat(MeasureCatalogue.ORS.score(32.5).value()).isEqualTo(32.5);
        assertThatThrownBy(() -> MeasureCatalogue.ORS.score(32.55))
                .hasMessage("ORS scores are 0–40 with at most one decimal; got 32.55");
    }
}
