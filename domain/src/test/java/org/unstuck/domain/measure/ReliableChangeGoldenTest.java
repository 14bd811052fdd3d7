package org.unstuck.domain.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.unstuck.domain.measure.ChangeAssessment.ReliableChangeClass.NO_RELIABLE_CHANGE;
import static org.unstuck.domain.measure.ChangeAssessment.ReliableChangeClass.RELIABLE_DETERIORATION;
import static org.unstuck.domain.measure.ChangeAssessment.ReliableChangeClass.RELIABLE_IMPROVEMENT;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Figures worked out by hand from the formulas of Jacobson and Truax (1991). */
class ReliableChangeGoldenTest {

    @Test
    void reliable_change_from_sd_and_reliability() {
        // S_diff = √2 · 7.5 · √(1 − 0.85) = 1.414214 · 7.5 · 0.387298 = 4.107919; × 1.96 = 8.051522
        var reliableChange = ReliableChange.fromReliability(7.5, 0.85);
        assertThat(reliableChange.points()).isCloseTo(8.0515, within(1e-4));
        assertThat(reliableChange.formula())
                .isEqualTo("Jacobson–Truax 1991: 1.96·√2·SD·√(1−r) with SD 7.5, r 0.85 = 8.05 points");
    }

    @Test
    void the_index_is_the_change_divided_by_the_standard_difference() {
        var measure = Measure.practiceDefined(new MeasureCode("DASS-D"), "Depression scale", MeasureKind.OUTCOME,
                new ScoreRange(0, 42, 0), Direction.LOWER_IS_BETTER, new ClinicalCutoff(10, ClinicalCutoff.Side.AT_OR_ABOVE),
                ReliableChange.fromReliability(7.5, 0.85), "Practice audit 2025");
        // RC = (30 − 20) / 4.107919 = 2.434
        var change = ChangeAssessment.of(measure, 30, 20);
        assertThat(change.reliableChangeIndex()).hasValueCloseTo(2.434, within(1e-3));
        assertThat(change.reliablyImproved()).isTrue();
        assertThat(ChangeAssessment.of(measure, 30, 22).classification()).isEqualTo(NO_RELIABLE_CHANGE);
    }

    @Test
    void criterion_c_lies_between_the_two_populations_weighted_by_their_spread() {
        // c = (4 · 15 + 5 · 5) / (4 + 5) = 85 / 9
        assertThat(ClinicalCutoff.criterionC(5, 4, 15, 5)).isCloseTo(9.4444, within(1e-4));
    }

    @ParameterizedTest(name = "{0} {1} → {2} is {3}")
    @CsvSource({
            "PHQ-9, 18, 12, RELIABLE_IMPROVEMENT",
            "PHQ-9, 18, 13, NO_RELIABLE_CHANGE",
            "PHQ-9, 12, 18, RELIABLE_DETERIORATION",
            "GAD-7, 15, 11, RELIABLE_IMPROVEMENT",
            "GAD-7, 10, 13, NO_RELIABLE_CHANGE",
            "GAD-7, 10, 14, RELIABLE_DETERIORATION",
            "OQ-45, 90, 76, RELIABLE_IMPROVEMENT",
            "OQ-45, 90, 77, NO_RELIABLE_CHANGE",
            "ORS, 20, 25, RELIABLE_IMPROVEMENT",
            "ORS, 20, 24.9, NO_RELIABLE_CHANGE",
            "ORS, 20, 15, RELIABLE_DETERIORATION",
            "CORE-10, 25, 19, RELIABLE_IMPROVEMENT"})
    void published_reliable_change_values_in_both_directions(String code, double first, double latest,
            ChangeAssessment.ReliableChangeClass expected) {
        var measure = MeasureCatalogue.builtInsOnly().find(new MeasureCode(code)).orElseThrow();
        var change = ChangeAssessment.of(measure, first, latest);
        assertThat(change.classification()).isEqualTo(expected);
        assertThat(change.formula()).startsWith("Published reliable-change value");
    }

    @Test
    void the_assessment_records_the_threshold_it_applied() {
        var change = ChangeAssessment.of(MeasureCatalogue.PHQ_9, 18, 17);
        assertThat(change.threshold()).isEqualTo(6);
        assertThat(change.improvement()).isEqualTo(1);
        assertThat(change.formula()).isEqualTo("Published reliable-change value: 6 points");
    }

    @Test
    void an_alliance_measure_has_no_reliable_change_to_apply() {
        assertThatThrownBy(() -> ChangeAssessment.of(MeasureCatalogue.SRS, 30, 38))
                .hasMessage("SRS has no reliable-change value");
    }

    @Test
    void clinical_cut_offs_in_both_directions() {
        assertThat(MeasureCatalogue.PHQ_9.cutoff().isClinical(10)).isTrue();
        assertThat(MeasureCatalogue.PHQ_9.cutoff().isClinical(9)).isFalse();
        assertThat(MeasureCatalogue.ORS.cutoff().isClinical(24.9)).isTrue();
        assertThat(MeasureCatalogue.ORS.cutoff().isClinical(25)).isFalse();
    }

    @Test
    void the_built_ins_say_which_defaults_are_unconfirmed() {
        assertThat(MeasureCatalogue.BUILT_INS).filteredOn(measure -> !measure.defaultsConfirmed())
                .extracting(measure -> measure.code().value())
                .containsExactlyInAnyOrder("CORE-10", "OQ-45", "ORS");
    }
}
