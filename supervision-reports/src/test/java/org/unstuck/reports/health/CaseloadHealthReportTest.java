package org.unstuck.reports.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.progress.CourseOutcome;
import org.unstuck.domain.progress.CourseOutcome.Pair;
import org.unstuck.reports.health.CaseloadHealthReport.Course;
import org.unstuck.reports.health.CaseloadHealthReport.Figures;

/** Figures worked out by hand on a fixture practice of two therapists and seven cases. */
class CaseloadHealthReportTest {

    private static CaseloadHealthReport fixture() {
        return new CaseloadHealthReport(LocalDate.of(2026, 11, 26), List.of(
                new Course("Alex Morgan", "CBT", true, true, null),
                new Course("Alex Morgan", "CBT", true, false, null),
                // PHQ-9 16 -> 7: at caseness, recovered, reliably improved (drop 9 >= 6), reliably recovered.
                new Course("Alex Morgan", "CBT", false, false, CourseOutcome.of(8, new Pair(16, 7), null)),
                // PHQ-9 12 -> 11: at caseness, still at caseness, no reliable change.
                new Course("Alex Morgan", "EMDR", false, false, CourseOutcome.of(6, new Pair(12, 11), null)),
                new Course("Sam Okafor", "EMDR", true, true, null),
                // GAD-7 9 -> 14: at caseness, not recovered, reliably deteriorated (rise 5 >= 4).
                new Course("Sam Okafor", "EMDR", false, false, CourseOutcome.of(5, null, new Pair(9, 14))),
                // One attended session: not a finished course.
                new Course("Sam Okafor", "EMDR", false, false, CourseOutcome.of(1, new Pair(15, 15), null))));
    }

    @Test
    void the_whole_practice_figures_match_the_hand_count() {
        var practice = fixture().practice();
        assertThat(practice).isEqualTo(new Figures("Whole practice", 3, 2, 3, 3, 1, 1, 1, 1));
        assertThat(practice.flagRate()).isEqualTo(2 / 3.0);
        assertThat(practice.recoveryRate()).isEqualTo(1 / 3.0);
        assertThat(practice.deteriorationRate()).isEqualTo(1 / 3.0);
    }

    @Test
    void per_therapist_and_per_approach_figures_match_the_hand_count() {
        var report = fixture();
        assertThat(report.byTherapist()).containsExactly(
                new Figures("Alex Morgan", 2, 1, 2, 2, 1, 1, 0, 1),
                new Figures("Sam Okafor", 1, 1, 1, 1, 0, 0, 1, 0));
        assertThat(report.byApproach()).containsExactly(
                new Figures("CBT", 2, 1, 1, 1, 1, 1, 0, 1),
                new Figures("EMDR", 1, 1, 2, 2, 0, 0, 1, 0));
        assertThat(report.byApproach().getLast().recoveryRate()).isZero();
    }

    @Test
    void the_pdf_shows_each_figure_with_the_cases_it_rests_on() throws IOException {
        try (var document = Loader.loadPDF(fixture().toPdf())) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Caseload health", "Whole practice", "67% (n=3)", "33% (n=3)",
                    "therapist: Alex Morgan", "50% (n=2)", "approach: EMDR", "0% (n=2)", "Confidential", "Page 1 of 1");
        }
    }

    @Test
    void the_csv_parses_back_with_one_row_per_group() throws IOException {
        var csv = new String(fixture().toCsv(), StandardCharsets.UTF_8).substring(1);
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            var records = parser.getRecords();
            assertThat(records).hasSize(5);
            assertThat(records.getFirst().get("group")).isEqualTo("Whole practice");
            assertThat(records.getFirst().get("recovery_rate")).isEqualTo("0.333");
            assertThat(records.get(2).get("group")).isEqualTo("Sam Okafor");
            assertThat(records.get(2).get("reliable_deterioration_rate")).isEqualTo("1.0");
        }
    }
}
