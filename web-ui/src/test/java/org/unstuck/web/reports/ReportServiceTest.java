package org.unstuck.web.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.reports.ReportTexts;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.ReportPeriod;

@UnstuckAppTest
class ReportServiceTest {

    @Autowired ReportService reports;
    @Autowired JdbcClient jdbc;

    @Test
    @WithUserDetails("manager")
    void caseload_health_counts_the_practices_open_cases_and_only_finished_phq9_or_gad7_courses() throws Exception {
        var report = reports.caseloadHealth(ReportPeriod.lastYear(LocalDate.now()));
        var practice = report.practice();
        assertThat(practice.active()).isEqualTo(jdbc.sql("SELECT count(*) FROM therapy_case WHERE closed_on IS NULL")
                .query(Integer.class).single());
        var finishedNhs = jdbc.sql("""
                SELECT count(*) FROM therapy_case c
                WHERE c.closed_on > current_date - INTERVAL '1 year' AND c.primary_measure IN ('PHQ-9', 'GAD-7')
                  AND (SELECT count(*) FROM therapy_session s WHERE s.case_id = c.id AND s.attendance = 'ATTENDED') >= 2""")
                .query(Integer.class).single();
        assertThat(practice.finished()).isEqualTo(finishedNhs).isPositive();
        assertThat(practice.recovered()).isBetween(0, practice.atCaseness());
        assertThat(report.byTherapist()).extracting(figures -> figures.group()).contains("Alex Morgan", "Sam Okafor");
        try (var document = Loader.loadPDF(report.toPdf(ReportTexts.ENGLISH))) {
            assertThat(new PDFTextStripper().getText(document)).contains("Caseload health", "Whole practice", "Alex Morgan");
        }
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_gets_no_practice_report() {
        assertThatThrownBy(() -> reports.caseloadHealth(ReportPeriod.lastYear(LocalDate.now())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("manager")
    void a_period_counts_only_the_courses_finished_within_it() {
        var today = LocalDate.now();
        var lastMonth = reports.caseloadHealth(new ReportPeriod(today.minusMonths(1), today)).practice();
        var finishedLastMonth = jdbc.sql("""
                SELECT count(*) FROM therapy_case c
                WHERE c.closed_on >= current_date - INTERVAL '1 month' AND c.primary_measure IN ('PHQ-9', 'GAD-7')
                  AND (SELECT count(*) FROM therapy_session s WHERE s.case_id = c.id AND s.attendance = 'ATTENDED') >= 2""")
                .query(Integer.class).single();
        assertThat(lastMonth.finished()).isEqualTo(finishedLastMonth)
                .isLessThan(reports.caseloadHealth(ReportPeriod.lastYear(today)).practice().finished());
    }

    @Test
    @WithUserDetails("manager")
    void a_period_ending_after_today_is_refused_by_field() {
        var today = LocalDate.now();
        assertThatThrownBy(() -> reports.caseloadHealth(new ReportPeriod(today, today.plusDays(1))))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("to", "The period ends today at the latest."));
        assertThatThrownBy(() -> ReportPeriod.of(today, today.minusDays(1), today))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("from", "The first day comes on or before the last day."));
    }
}
