package org.unstuck.reports.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.DecisionOutcome;
import org.unstuck.domain.review.DecisionType;
import org.unstuck.domain.review.WhatWorks;
import org.unstuck.reports.ReportTexts;

class DecisionLogReportTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 1);

    private static Decision decision(long id, DecisionDetails details, Set<StallReason> reasons, LocalDate followUp) {
        return new Decision(new DecisionId(id), new CaseId(id), null, details, "Rationale " + id + ", with a comma", reasons,
                new UserId(2), followUp, new UserId(1), Instant.parse("2026-10-01T10:00:00Z"), DAY, CaseStatus.STALLED, 18.0,
                null);
    }

    private static DecisionLogReport fixture() {
        return new DecisionLogReport(DAY, DAY.plusMonths(2), DAY.plusMonths(2), true, List.of(
                new DecisionLogReport.Row("C-0001", "Alex Morgan", "Alex Morgan",
                        decision(1, new DecisionDetails.ChangeApproach(new Approach("CBT"), new Approach("Behavioural activation")),
                                Set.of(StallReason.APPROACH_FIT), DAY.plusWeeks(4)),
                        "Change approach: CBT → Behavioural activation", null,
                        new DecisionOutcome(CaseStatus.STALLED, CaseStatus.ON_TRACK, CaseStatus.ON_TRACK, DAY.plusDays(12), 7.0,
                                DecisionOutcome.Verdict.IMPROVED, 12)),
                new DecisionLogReport.Row("C-0003", "Sam Okafor", "Sam Okafor",
                        decision(3, new DecisionDetails.ContinuePlan(), Set.of(StallReason.APPROACH_FIT), DAY.plusWeeks(4)),
                        "Continue with plan", DAY.plusDays(1),
                        new DecisionOutcome(CaseStatus.STALLED, CaseStatus.STALLED, CaseStatus.ON_TRACK, DAY.plusWeeks(5), -1.0,
                                DecisionOutcome.Verdict.UNCHANGED, null)),
                new DecisionLogReport.Row("C-0002", "Sam Okafor", "Sam Okafor",
                        decision(2, new DecisionDetails.ContinuePlan(), Set.of(StallReason.ALLIANCE, StallReason.CLIENT_ENGAGEMENT),
                                DAY.plusMonths(6)),
                        "Continue with plan", null, null)), WHAT_WORKS);
    }

    private static final WhatWorks.Summary WHAT_WORKS = new WhatWorks.Summary(List.of(
            new WhatWorks.Row(DecisionType.CHANGE_APPROACH, new Approach("Behavioural activation"), new WhatWorks.Share(4, 3), 10.0),
            new WhatWorks.Row(DecisionType.CONTINUE, new Approach("CBT"), new WhatWorks.Share(5, 3), 17.5)),
            new WhatWorks.Share(100, 40));

    @Test
    void the_pdf_lists_each_decision_with_its_status_on_the_follow_up_date_and_now() throws IOException {
        try (var document = Loader.loadPDF(fixture().toPdf(ReportTexts.ENGLISH))) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Decision log", "3 decisions; 2 past their follow-up date, of which 1 on a case less severe",
                    "Change approach: CBT -> Behavioural", "Superseded 2026-10-02: Continue with plan", "yes (+7)", "On track since 2026-10-13", "Continue with plan", "not yet",
                    "Alliance, Cli", "Confidential", "Page 1 of 1");
            assertThat(text).contains("Stalled no (-1) On track since 2026-11-05");
        }
    }

    @Test
    void the_pdf_ends_with_the_what_works_summary_read_against_the_base_rate() throws IOException {
        try (var document = Loader.loadPDF(fixture().toPdf(ReportTexts.ENGLISH))) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text.indexOf("What works")).isGreaterThan(text.indexOf("C-0003"));
            // 3 of 5: Wilson [0.231, 0.882] overlaps the base rate's [0.309, 0.498].
            assertThat(text).contains("Behavioural activation 4 3 fewer than 5 cases: not a result - -",
                    "Continue with plan CBT 5 3 60% (23% to 88%) no clear difference 17.5",
                    "of the 100 cases flagged on some day of the period", "40 were less severe 28 days later",
                    "40% (31% to 50%)", "fewer than 5 cases is not a result");
        }
    }

    @Test
    void a_summary_only_report_names_no_client_and_no_single_decision() throws IOException {
        var summary = new DecisionLogReport(DAY, DAY.plusMonths(2), DAY.plusMonths(2), false, List.of(),
                WHAT_WORKS.withEnoughCases());
        try (var document = Loader.loadPDF(summary.toPdf(ReportTexts.ENGLISH))) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("What works", "Continue with plan CBT 5 3 60%", "Rows resting on fewer than 5 cases are left out")
                    .doesNotContain("Decision log", "C-000", "Behavioural activation");
        }
        var csv = new String(summary.toCsv(ReportTexts.ENGLISH), StandardCharsets.UTF_8).substring(1);
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            var records = parser.getRecords();
            assertThat(records).hasSize(1);
            assertThat(records.getFirst().get("decision")).isEqualTo("Continue with plan");
            assertThat(records.getFirst().get("flagged_cases_followed_up")).isEqualTo("5");
            assertThat(records.getFirst().get("share_improved")).isEqualTo("0.6");
            assertThat(records.getFirst().get("share_ci95_low")).isEqualTo("0.231");
            assertThat(records.getFirst().get("share_ci95_high")).isEqualTo("0.882");
            assertThat(records.getFirst().get("against_base_rate")).isEqualTo("NO_CLEAR_DIFFERENCE");
            assertThat(records.getFirst().get("base_rate_share")).isEqualTo("0.4");
            assertThat(records.getFirst().get("period_from")).isEqualTo("2026-10-01");
            assertThat(parser.getHeaderNames()).doesNotContain("client", "rationale");
        }
    }

    @Test
    void the_csv_parses_back_row_by_row_in_readable_words_without_internal_ids() throws IOException {
        var csv = new String(fixture().toCsv(ReportTexts.ENGLISH), StandardCharsets.UTF_8).substring(1);
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            var records = parser.getRecords();
            assertThat(records).hasSize(3);
            assertThat(parser.getHeaderNames()).doesNotContain("supersedes", "case_id", "decision_id", "owner_id");
            assertThat(records.get(0).get("decision")).isEqualTo("Change approach");
            assertThat(records.get(0).get("what")).isEqualTo("Change approach: CBT → Behavioural activation");
            assertThat(records.get(0).get("superseded")).isEmpty();
            assertThat(records.get(1).get("superseded")).isEqualTo("superseded by the decision of 2026-10-02");
            assertThat(records.get(0).get("improved_by_follow_up")).isEqualTo("yes");
            assertThat(records.get(0).get("score_change_to_follow_up")).isEqualTo("7.0");
            assertThat(records.get(0).get("status_now_since")).isEqualTo("2026-10-13");
            assertThat(records.get(1).get("status_at_follow_up")).isEqualTo("Stalled");
            assertThat(records.get(1).get("improved_by_follow_up")).isEqualTo("no");
            assertThat(records.get(1).get("status_now")).isEqualTo("On track");
            assertThat(records.get(0).get("rationale")).isEqualTo("Rationale 1, with a comma");
            assertThat(records.get(2).get("reasons")).isEqualTo("Alliance; Client engagement");
            assertThat(records.get(2).get("status_now")).isEmpty();
            assertThat(records.get(2).get("status_at_follow_up")).isEmpty();
            assertThat(records.get(2).get("decided_on")).isEqualTo("2026-10-01");
        }
    }
}
