package org.unstuck.persistence.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unstuck.domain.measure.ClinicalCutoff;
import org.unstuck.domain.measure.Direction;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.measure.MeasureCode;
import org.unstuck.domain.measure.MeasureKind;
import org.unstuck.domain.measure.ReliableChange;
import org.unstuck.domain.measure.ScoreRange;
import org.unstuck.persistence.PostgresTest;

@PostgresTest
class MeasureStorageTest {

    @Autowired JdbcMeasures measures;

    @Test
    void the_schema_holds_exactly_the_catalogues_built_in_measures() {
        assertThat(measures.stored()).filteredOn(Measure::builtIn)
                .containsExactlyInAnyOrderElementsOf(MeasureCatalogue.BUILT_INS);
    }

    @Test
    void a_practice_measure_with_a_derived_reliable_change_round_trips() {
        var measure = Measure.practiceDefined(new MeasureCode("WSAS"), "Work and Social Adjustment Scale",
                MeasureKind.OUTCOME, new ScoreRange(0, 40, 0), Direction.LOWER_IS_BETTER,
                new ClinicalCutoff(10, ClinicalCutoff.Side.AT_OR_ABOVE), ReliableChange.fromReliability(7.5, 0.85),
                "Mundt et al. 2002");
        measures.add(measure);

        var stored = measures.practiceDefined();
        assertThat(stored).singleElement().satisfies(loaded -> {
            assertThat(loaded.code()).isEqualTo(measure.code());
            assertThat(loaded.reliableChange().standardDeviation()).isEqualTo(7.5);
            assertThat(loaded.reliableChange().reliability()).isEqualTo(0.85);
            assertThat(loaded.reliableChange().points()).isEqualTo(8.05);
        });
        assertThat(measures.catalogue().find(new MeasureCode("WSAS"))).isPresent();
    }
}
