package org.unstuck.domain.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unstuck.domain.measure.MeasureCatalogue.CORE_10;
import static org.unstuck.domain.measure.MeasureCatalogue.GAD_7;
import static org.unstuck.domain.measure.MeasureCatalogue.PHQ_9;
import static org.unstuck.domain.measure.MeasureCatalogue.SRS;
import static org.unstuck.domain.progress.Histories.FIRST_SESSION;
import static org.unstuck.domain.progress.Histories.aCase;
import static org.unstuck.domain.progress.Histories.compliantTherapist;
import static org.unstuck.domain.progress.Histories.weekly;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.measure.ItemTotalMismatchException;
import org.unstuck.domain.measure.Measure;
import org.unstuck.domain.measure.Score;

/** The critical items at their rule's boundary, the RISK signal above every other, and item totals checked. */
class RiskItemTest {

    private static List<Integer> phq9Items(int item9) {
        return List.of(2, 2, 1, 2, 1, 1, 2, 1, item9);
    }

    private static RiskAlert alertOn(Measure measure, int item, int score, int week) {
        var rule = measure.itemsIfDefined().orElseThrow().risk();
        return new RiskAlert(measure.code(), item, rule.label(), score, FIRST_SESSION.plusWeeks(week),
                Instant.parse("2026-01-20T10:00:00Z"));
    }

    private static ProgressAssessment review(List<RiskAlert> openAlerts) {
        var sessions = weekly(PHQ_9, 12, 11, 10);
        var history = new CaseHistory(aCase(PHQ_9, SRS), sessions, false,
                compliantTherapist(FIRST_SESSION.plusWeeks(3)), openAlerts);
        return Histories.review(history);
    }

    @Test
    void phq9_item_9_scored_0_meets_no_rule_and_scored_1_meets_it() {
        assertThat(PHQ_9.scoreOfItems(phq9Items(0)).meetsRiskRule()).isFalse();
        assertThat(PHQ_9.scoreOfItems(phq9Items(1)).meetsRiskRule()).isTrue();
        assertThat(PHQ_9.scoreOfItems(phq9Items(3)).meetsRiskRule()).isTrue();
        assertThat(PHQ_9.score(27).meetsRiskRule()).as("a total alone says nothing about item 9").isFalse();
    }

    @Test
    void core10_item_6_above_0_meets_its_rule_and_gad7_has_none() {
        assertThat(CORE_10.scoreOfItems(List.of(4, 4, 4, 4, 4, 0, 4, 4, 4, 4)).meetsRiskRule()).isFalse();
        assertThat(CORE_10.scoreOfItems(List.of(0, 0, 0, 0, 0, 1, 0, 0, 0, 0)).meetsRiskRule()).isTrue();
        assertThat(CORE_10.itemsIfDefined().orElseThrow().risk().confirmed()).isFalse();
        assertThat(GAD_7.scoreOfItems(List.of(3, 3, 3, 3, 3, 3, 3)).meetsRiskRule()).isFalse();
    }

    @Test
    void items_make_the_total_and_a_total_that_disagrees_is_refused_naming_measure_sum_and_total() {
        assertThat(PHQ_9.scoreOfItems(phq9Items(2)).value()).isEqualTo(14);
        assertThatThrownBy(() -> new Score(PHQ_9, 15, phq9Items(2)))
                .isInstanceOf(ItemTotalMismatchException.class)
                .hasMessage("The PHQ-9 items add up to 14 but the total given is 15");
        assertThatThrownBy(() -> PHQ_9.scoreOfItems(List.of(1, 1, 1)))
                .hasMessage("PHQ-9 has 9 items; got 3 item scores");
        assertThatThrownBy(() -> PHQ_9.scoreOfItems(phq9Items(4))).hasMessage("PHQ-9 item 9 is scored 0–3; got 4");
        assertThatThrownBy(() -> new Score(SRS, 30, List.of(10, 10, 10)))
                .hasMessage("SRS has no items to score; give its total only");
    }

    @Test
    void an_open_alert_makes_the_case_risk_above_deterioration_with_the_item_and_score_in_its_sentence() {
        var assessment = review(List.of(alertOn(PHQ_9, 9, 2, 2)));
        assertThat(assessment.status()).isEqualTo(CaseStatus.RISK);
        assertThat(assessment.status().isFlagged()).isTrue();
        assertThat(CaseStatus.RISK.severityRank()).isGreaterThan(CaseStatus.DETERIORATING.severityRank());
        var top = assessment.topSignal().orElseThrow();
        assertThat(top.rule()).isEqualTo(Rule.RISK_ITEM);
        assertThat(top.reason()).isEqualTo(StallReason.RISK);
        assertThat(top.sentence()).isEqualTo("PHQ-9 item 9 (thoughts of being better off dead or of self-harm) scored 2 "
                + "at the session of 2026-01-19: the client's safety needs a review today.");
    }

    @Test
    void several_open_alerts_make_one_signal_naming_the_latest_and_counting_the_rest() {
        var assessment = review(List.of(alertOn(PHQ_9, 9, 1, 0), alertOn(PHQ_9, 9, 3, 2)));
        assertThat(assessment.signals()).filteredOn(signal -> signal.rule() == Rule.RISK_ITEM).singleElement()
                .satisfies(signal -> assertThat(signal.sentence()).contains("scored 3", "One earlier alert waits too."));
    }

    @Test
    void no_open_alert_leaves_the_case_to_the_stall_rules() {
        assertThat(review(List.of()).status()).isEqualTo(CaseStatus.ON_TRACK);
    }

    @Test
    void an_alert_is_overdue_once_a_full_day_has_passed_without_an_answer() {
        var alert = alertOn(PHQ_9, 9, 1, 2);
        assertThat(alert.isOverdue(alert.raisedAt().plus(RiskAlert.ANSWER_WITHIN))).isFalse();
        assertThat(alert.isOverdue(alert.raisedAt().plus(RiskAlert.ANSWER_WITHIN).plusSeconds(1))).isTrue();
    }
}
