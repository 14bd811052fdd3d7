package org.unstuck.web.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.web.UnstuckAppTest;

@UnstuckAppTest
class ReportServiceTest {

    @Autowired ReportService reports;
    @Autowired JdbcClient jdbc;

    @Test
    @WithUserDetails("manager")
    void caseload_health_counts_the_practices_open_cases_and_only_finished_phq9_or_gad7_courses() throws Exception {
        var report = reports.caseloadHealth();
        var practice = report.practice();
        assertThat(practice.active()).isEqualTo(jdbc.sql("SELECT count(*) FROM therapy_case WHERE closed_on IS NULL")
                .query(Integer.class).single());
        var finishedNhs = jdbc.sql("""
                SELECT count(*) FROM therapy_case c WHERE c.closed_on IS NOT NULL AND c.primary_measure IN ('PHQ-9', 'GAD-7')
                  AND (SELECT count(*) FROM therapy_session s WHERE s.case_id = c.id AND s.attendance = 'ATTENDED') >= 2""")
                .query(Integer.class).single();
        assertThat(practice.finished()).isEqualTo(finishedNhs).isPositive();
        assertThat(practice.recovered()).isBetween(0, practice.atCaseness());
        assertThat(report.byTherapist()).extracting(figures -> figures.group()).contains("Alex Morgan", "Sam Okafor");
        try (var document = Loader.loadPDF(report.toPdf())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Caseload health", "Whole practice", "Alex Morgan");
        }
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_gets_no_practice_report() {
        assertThatThrownBy(() -> reports.caseloadHealth()).isInstanceOf(AccessDeniedException.class);
    }
}
