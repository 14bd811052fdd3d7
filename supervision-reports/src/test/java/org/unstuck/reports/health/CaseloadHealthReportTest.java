package org.unstuck.reports.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.progress.CourseOutcome;
import org.unstuck.domain.progress.CourseOutcome.Pair;
import org.unstuck.reports.ReportTexts;
import org.unstuck.reports.health.CaseloadHealthReport.Course;
import org.unstuck.reports.health.CaseloadHealthReport.Figures;

/** Figures worked out by hand on a fixture practice of two therapists and seven cases. */
class CaseloadHealthReportTest {

    private static final LocalDate FROM = LocalDate.of(2026, 6, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 26);
    private static final LocalDate OPENED = LocalDate.of(2026, 3, 2);
    private static final LocalDate CLOSED = LocalDate.of(2026, 9, 15);

    private static Course open(String therapist, String approach, boolean flagged) {
        return new Course(therapist, approach, OPENED, null, flagged, null);
    }

    private static Course finished(String therapist, String approach, LocalDate closedOn, CourseOutcome outcome) {
        return new Course(therapist, approach, OPENED, closedOn, false, outcome);
    }

    /** Every group shown, however small, so that the hand count can be read off every row. */
    private static CaseloadHealthReport fixture() {
        return new CaseloadHealthReport(FROM, TO, TO, courses(), 1);
    }

    private static List<Course> courses() {
        return List.of(
                open("Alex Morgan", "CBT", true),
                open("Alex Morgan", "CBT", false),
                // PHQ-9 16 -> 7: at caseness, recovered, reliably improved (drop 9 >= 6), reliably recovered.
                finished("Alex Morgan", "CBT", CLOSED, CourseOutcome.of(8, new Pair(16, 7), null)),
                // PHQ-9 12 -> 11: at caseness, still at caseness, no reliable change.
                finished("Alex Morgan", "EMDR", FROM, CourseOutcome.of(6, new Pair(12, 11), null)),
                open("Sam Okafor", "EMDR", true),
                // GAD-7 9 -> 14: at caseness, not recovered, reliably deteriorated (rise 5 >= 4).
                finished("Sam Okafor", "EMDR", TO, CourseOutcome.of(5, null, new Pair(9, 14))),
                // One attended session: not a finished course.
                finished("Sam Okafor", "EMDR", CLOSED, CourseOutcome.of(1, new Pair(15, 15), null)),
                // Closed the day before the period: neither active nor finished in it.
                finished("Sam Okafor", "CBT", FROM.minusDays(1), CourseOutcome.of(9, new Pair(20, 4), null)),
                // Opened after the period: not active in it.
                new Course("Sam Okafor", "CBT", TO.plusDays(1), null, true, null));
    }

    @Test
    void the_whole_practice_figures_match_the_hand_count() {
        var practice = fixture().practice();
        assertThat(practice).isEqualTo(new Figures("", 3, 2, 3, 3, 1, 1, 1, 1));
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
    void a_period_counts_the_cases_open_at_its_end_and_the_courses_finished_within_it() {
        var summer = new CaseloadHealthReport(FROM, CLOSED.minusDays(1), TO, courses(), 1).practice();
        assertThat(summer.active()).as("the three open cases and the three courses closed after 14 September").isEqualTo(6);
        assertThat(summer.finished()).as("only the EMDR course closed on the period's first day").isEqualTo(1);
    }

    @Test
    void a_past_period_names_the_day_its_flags_stood_on() throws IOException {
        var summer = new CaseloadHealthReport(FROM, CLOSED, TO, courses(), 1);
        try (var document = Loader.loadPDF(summer.toPdf(ReportTexts.ENGLISH))) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("whose assessment in force on 2026-09-15")
                    .doesNotContain("latest assessment");
        }
    }

    @Test
    void the_pdf_shows_each_figure_with_the_cases_it_rests_on() throws IOException {
        try (var document = Loader.loadPDF(fixture().toPdf(ReportTexts.ENGLISH))) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Caseload health", "From 2026-06-01 to 2026-11-26", "Whole practice", "67% (n=3)", "33% (n=3)",
                    "Therapist: Alex Morgan", "50% (n=2)", "Approach: EMDR", "0% (n=2)", "Confidential", "Page 1 of 1");
        }
    }

    @Test
    void the_csv_parses_back_with_one_row_per_group() throws IOException {
        var csv = new String(fixture().toCsv(), StandardCharsets.UTF_8).substring(1);
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            var records = parser.getRecords();
            assertThat(records).hasSize(5);
            assertThat(records.getFirst().get("grouping")).isEqualTo("practice");
            assertThat(records.getFirst().get("group")).isEmpty();
            assertThat(records.getFirst().get("period_from")).isEqualTo("2026-06-01");
            assertThat(records.getFirst().get("period_to")).isEqualTo("2026-11-26");
            assertThat(records.getFirst().get("recovery_rate")).isEqualTo("0.333");
            assertThat(records.get(2).get("group")).isEqualTo("Sam Okafor");
            assertThat(records.get(2).get("reliable_deterioration_rate")).isEqualTo("1.0");
        }
    }

    @Test
    void a_group_of_fewer_than_five_cases_is_shown_without_its_figures() throws IOException {
        var report = new CaseloadHealthReport(FROM, TO, TO, courses());
        assertThat(report.smallestGroup()).isEqualTo(5);
        try (var document = Loader.loadPDF(report.toPdf(ReportTexts.ENGLISH))) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Whole practice", "67% (n=3)", "Therapist: Alex Morgan fewer than 5 cases",
                    "Approach: EMDR fewer than 5 cases").doesNotContain("50% (n=2)", "0% (n=2)");
        }
        var csv = new String(report.toCsv(), StandardCharsets.UTF_8).substring(1);
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            var records = parser.getRecords();
            assertThat(records.getFirst().get("too_few_cases_to_show")).isEqualTo("false");
            assertThat(records.subList(1, records.size())).allSatisfy(row -> {
                assertThat(row.get("too_few_cases_to_show")).isEqualTo("true");
                assertThat(row.get("active_cases")).isEmpty();
                assertThat(row.get("recovery_rate")).isEmpty();
            });
        }
    }

    @Test
    void in_a_group_of_five_or_more_a_figure_resting_on_fewer_than_five_cases_is_left_out() throws IOException {
        var courses = new ArrayList<Course>();
        for (var i = 0; i < 3; i++) {
            courses.add(open("Alex Morgan", "EMDR", true));
        }
        courses.add(finished("Alex Morgan", "EMDR", CLOSED, CourseOutcome.of(8, new Pair(16, 7), null)));
        courses.add(finished("Alex Morgan", "EMDR", CLOSED, CourseOutcome.of(6, new Pair(12, 18), null)));
        var report = new CaseloadHealthReport(FROM, TO, TO, courses);

        try (var document = Loader.loadPDF(report.toPdf(ReportTexts.ENGLISH))) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Approach: EMDR", "Therapist: Alex Morgan");
            assertThat(text.split("fewer", -1)).as("every figure of both groups left out, seven each").hasSize(2 * 7 + 1);
        }
        var csv = new String(report.toCsv(), StandardCharsets.UTF_8).substring(1);
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            var records = parser.getRecords();
            assertThat(records.getFirst().get("active_cases")).isEqualTo("3");
            assertThat(records.getFirst().get("reliable_deterioration_rate")).isEqualTo("0.5");
            var emdr = records.stream().filter(row -> row.get("group").equals("EMDR")).findFirst().orElseThrow();
            assertThat(emdr.get("too_few_cases_to_show")).isEqualTo("false");
            assertThat(emdr.get("active_cases")).isEmpty();
            assertThat(emdr.get("flagged")).isEmpty();
            assertThat(emdr.get("finished_courses")).isEmpty();
            assertThat(emdr.get("reliably_deteriorated")).isEmpty();
            assertThat(emdr.get("reliable_deterioration_rate")).isEmpty();
        }
    }
}
