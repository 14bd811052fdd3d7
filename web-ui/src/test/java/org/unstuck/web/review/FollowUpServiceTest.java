package org.unstuck.web.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.WhatWorks;
import org.unstuck.reports.ReportTexts;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.ReportPeriod;

@UnstuckAppTest
class FollowUpServiceTest {

    @Autowired FollowUpService followUps;
    @Autowired JdbcClient jdbc;
    @Autowired Decisions decisions;

    @Test
    @WithUserDetails("supervisor1")
    void a_supervisor_sees_their_teams_due_follow_ups_with_status_then_and_now() {
        var rows = followUps.dueForMyTeam();
        var expected = jdbc.sql("""
                SELECT count(*) FROM decision d JOIN therapy_case c ON c.id = d.case_id
                JOIN user_account u ON u.id = c.therapist_id
                WHERE d.follow_up_on <= current_date AND u.username IN ('therapist1', 'therapist2', 'therapist3', 'supervisor2')
                  AND NOT EXISTS (SELECT 1 FROM decision later WHERE later.supersedes = d.id)""").query(Integer.class).single();
        assertThat(rows).hasSize(expected);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.therapist()).isIn("Alex Morgan", "Sam Okafor", "Jordan Reyes", "Dr Daniel Costa");
            assertThat(row.outcome().before()).isEqualTo(row.decision().statusAtDecision());
        });
    }

    @Test
    @WithUserDetails("supervisor2")
    void what_works_rests_on_flagged_cases_only_and_says_how_many() {
        assertThat(followUps.whatWorks()).allSatisfy(row -> {
            assertThat(row.cases()).isPositive();
            assertThat(row.improved()).isBetween(0, row.cases());
        });
    }

    @Test
    @WithUserDetails("supervisor1")
    void the_decision_log_holds_the_teams_decisions_and_reads_back_from_pdf_and_csv() throws Exception {
        var log = followUps.decisionReport(ReportPeriod.lastYear(LocalDate.now()));
        var expected = jdbc.sql("""
                SELECT count(*) FROM decision d JOIN therapy_case c ON c.id = d.case_id
                JOIN user_account u ON u.id = c.therapist_id
                WHERE d.decided_on > current_date - INTERVAL '1 year' AND u.username IN ('therapist1', 'therapist2', 'therapist3', 'supervisor2')""")
                .query(Integer.class).single();
        assertThat(log.rows()).hasSize(expected).isNotEmpty();
        try (var document = Loader.loadPDF(log.toPdf(ReportTexts.ENGLISH))) {
            assertThat(new PDFTextStripper().getText(document)).contains("Decision log", log.rows().getFirst().client(),
                    "What works");
        }
        assertThat(new String(log.toCsv(), StandardCharsets.UTF_8).lines().count()).isEqualTo(expected + 1);
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_has_no_follow_up_board_or_decision_log() {
        assertThatThrownBy(() -> followUps.dueForMyTeam()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> followUps.decisionReport(ReportPeriod.lastYear(LocalDate.now())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_corrected_decision_counts_once_in_what_works_under_its_correction() {
        var theCase = jdbc.sql("""
                SELECT c.id, u.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                JOIN case_progress_snapshot p ON p.case_id = c.id
                WHERE u.username = 'therapist2' AND c.closed_on IS NULL ORDER BY c.id LIMIT 1""")
                .query((row, number) -> new long[] {row.getLong(1), row.getLong(2)}).single();
        var supervisor = jdbc.sql("SELECT id FROM user_account WHERE username = 'supervisor1'").query(Long.class).single();
        var period = ReportPeriod.lastYear(LocalDate.now());
        var before = casesIn(followUps.decisionReport(period).whatWorks());
        var decidedOn = LocalDate.now().minusDays(40);
        var original = decisions.record(new Decision(null, new CaseId(theCase[0]), null,
                new DecisionDetails.ChangeFrequency("Twice weekly"), "More contact while the alliance is rebuilt.", Set.of(StallReason.ALLIANCE), new UserId(theCase[1]),
                decidedOn.plusDays(30), new UserId(supervisor), Instant.now(), decidedOn, CaseStatus.STALLED, 15.0, null));
        decisions.record(original.supersededBy(new DecisionDetails.ContinuePlan(), "Frequency cannot change; continue.",
                Set.of(StallReason.ALLIANCE), new UserId(theCase[1]), decidedOn.plusDays(31), new UserId(supervisor),
                Instant.now(), decidedOn.plusDays(1)));

        var report = followUps.decisionReport(period);

        assertThat(casesIn(report.whatWorks())).isEqualTo(before + 1);
        assertThat(report.rows()).extracting(row -> row.decision().supersedes()).contains(original.id());
    }

    private static int casesIn(List<WhatWorks.Row> rows) {
        return rows.stream().mapToInt(WhatWorks.Row::cases).sum();
    }

    @Test
    @WithUserDetails("manager")
    void the_practice_manager_gets_the_what_works_summary_without_any_single_decision() throws Exception {
        var report = followUps.decisionReport(ReportPeriod.lastYear(LocalDate.now()));
        assertThat(report.individualDecisions()).isFalse();
        assertThat(report.rows()).isEmpty();
        var clients = jdbc.sql("SELECT code FROM client").query(String.class).list();
        try (var document = Loader.loadPDF(report.toPdf(ReportTexts.ENGLISH))) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("What works");
            assertThat(clients).noneMatch(text::contains);
        }
        var csv = new String(report.toCsv(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFperiod_from,period_to,decision,approach");
        assertThat(clients).noneMatch(csv::contains);
    }
}
