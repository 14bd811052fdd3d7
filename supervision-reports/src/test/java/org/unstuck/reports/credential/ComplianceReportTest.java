package org.unstuck.reports.credential;

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
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialPolicy;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.practice.UserId;
import org.unstuck.reports.ReportTexts;

class ComplianceReportTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);
    private static final CredentialPolicy POLICY = CredentialPolicy.defaults();

    private static ComplianceReport.Row therapist(String name, long id, LocalDate licenceEnds, double cpdHours, int openCases) {
        var therapist = new UserId(id);
        var credentials = List.of(
                new Credential(null, 0, therapist, CredentialType.LICENCE, "Licence", "L", "Board", "UK",
                        AS_OF.minusYears(2), licenceEnds, null),
                new Credential(null, 0, therapist, CredentialType.REGISTRATION, "Register", "R", "Body", "UK",
                        AS_OF.minusYears(2), AS_OF.plusYears(1), null),
                new Credential(null, 0, therapist, CredentialType.INSURANCE, "Insurance", "I", "Insurer", "UK",
                        AS_OF.minusYears(1), AS_OF.plusYears(1), null));
        var cpd = List.of(new CpdEntry(therapist, AS_OF.minusMonths(2), cpdHours, "Trauma"));
        return new ComplianceReport.Row(name, openCases, TherapistCompliance.assess(therapist, credentials, cpd, POLICY, AS_OF));
    }

    private static ComplianceReport fixture() {
        return new ComplianceReport(AS_OF, POLICY, List.of(
                therapist("Alex Morgan", 1, AS_OF.plusYears(1), 32, 22),
                therapist("Nina Berg", 2, AS_OF.minusDays(12), 6, 0),
                therapist("Sam Okafor", 3, AS_OF.plusDays(25), 30, 20)));
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void the_pdf_reads_back_with_its_title_people_statuses_and_page_numbers() throws IOException {
        var text = text(fixture().toPdf(ReportTexts.ENGLISH));
        assertThat(text).contains("Credential compliance report", "As of 2026-11-26",
                "3 therapists, 2 with something to put right.",
                "Alex Morgan", "Nina Berg", "Expired 2026-11-14", "6 of 30 h (short)",
                "Sam Okafor", "Expiring 2026-12-21, 25 d left",
                "Confidential", "Page 1 of 1");
    }

    @Test
    void a_long_report_continues_over_pages_each_numbered() throws IOException {
        var rows = new ArrayList<ComplianceReport.Row>();
        for (int i = 0; i < 70; i++) {
            rows.add(therapist("Therapist " + i, 10 + i, AS_OF.plusYears(1), 30, i));
        }
        var pdf = new ComplianceReport(AS_OF, POLICY, rows).toPdf(ReportTexts.ENGLISH);
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            var pages = document.getNumberOfPages();
            assertThat(new PDFTextStripper().getText(document)).contains("Page " + pages + " of " + pages, "Therapist 69");
        }
    }

    @Test
    void the_csv_has_one_row_per_therapist_with_statuses_and_end_dates() throws IOException {
        var csv = new String(fixture().toCsv(), StandardCharsets.UTF_8).substring(1);
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            var records = parser.getRecords();
            assertThat(records).hasSize(3);
            var nina = records.get(1);
            assertThat(nina.get("therapist")).isEqualTo("Nina Berg");
            assertThat(nina.get("licence_status")).isEqualTo("EXPIRED");
            assertThat(nina.get("licence_ends_on")).isEqualTo("2026-11-14");
            assertThat(nina.get("cpd_status")).isEqualTo("CPD_SHORT");
            assertThat(nina.get("open_cases")).isEqualTo("0");
            assertThat(parser.getHeaderNames()).doesNotContain("presenting_problem", "score", "note");
        }
    }

    @Test
    void names_the_standard_fonts_cannot_show_are_printed_not_dropped() throws IOException {
        var report = new ComplianceReport(AS_OF, POLICY, List.of(therapist("Zoë Łukasiewicz 陈", 5, AS_OF.plusYears(1), 30, 1)));
        assertThat(text(report.toPdf(ReportTexts.ENGLISH))).contains("Zoë ?ukasiewicz ?");
    }
}
