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
import org.unstuck.domain.review.Decisions;
import org.unstuck.reports.ReportTexts;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.common.ReportPeriod;
import org.unstuck.web.review.FollowUpHistoryFixture;

@UnstuckAppTest
class ReportServiceTest {

    @Autowired ReportService reports;
    @Autowired JdbcClient jdbc;
    @Autowired Decisions decisions;

    /**
     * Courses closed from the day on, tracked on PHQ-9 or GAD-7, with at least two
     * standing attended sessions and a score on the primary measure: a finished course in the report.
     */
    private int finishedPhqOrGadCoursesSince(LocalDate from) {
        return jdbc.sql("""
                SELECT count(*) FROM therapy_case c
                WHERE c.closed_on >= :from AND c.primary_measure IN ('PHQ-9', 'GAD-7')
                  AND (SELECT count(*) FROM therapy_session s WHERE s.case_id = c.id AND s.attendance = 'ATTENDED'
                       AND s.voided_at IS NULL) >= 2
                  AND EXISTS (SELECT 1 FROM therapy_session s JOIN session_score sc ON sc.session_id = s.id
                              WHERE s.case_id = c.id AND s.attendance = 'ATTENDED' AND s.voided_at IS NULL
                                AND sc.measure_code = c.primary_measure)""")
                .param("from", from).query(Integer.class).single();
    }

    @Test
    @WithUserDetails("manager")
    void caseload_health_counts_the_practices_open_cases_and_only_finished_phq9_or_gad7_courses() throws Exception {
        var report = reports.caseloadHealth(ReportPeriod.lastYear(LocalDate.now()));
        var practice = report.practice();
        assertThat(practice.active()).isEqualTo(jdbc.sql("SELECT count(*) FROM therapy_case WHERE closed_on IS NULL")
                .query(Integer.class).single());
        var finishedNhs = finishedPhqOrGadCoursesSince(LocalDate.now().minusYears(1).plusDays(1));
        assertThat(practice.finished()).isEqualTo(finishedNhs).isPositive();
        assertThat(practice.recovered()).isBetween(0, practice.atCaseness());
        assertThat(report.byTherapist()).extracting(figures -> figures.group()).contains("Alex Morgan", "Sam Okafor");
        try (var document = Loader.loadPDF(report.toPdf(ReportTexts.ENGLISH))) {
            assertThat(new PDFTextStripper().getText(document)).contains("Caseload health", "Whole practice", "Alex Morgan");
        }
    }

    @Test
    @WithUserDetails("manager")
    void a_past_period_counts_the_flags_in_force_on_its_last_day_from_the_history() {
        var fixture = new FollowUpHistoryFixture(jdbc, decisions);
        var opened = LocalDate.of(2009, 1, 10);
        fixture.fixtureCase("Health of 2009", opened, LocalDate.of(2009, 2, 1), "STALLED", LocalDate.of(2009, 6, 1), "ON_TRACK");
        fixture.fixtureCase("Health of 2009", opened, LocalDate.of(2009, 3, 1), "DETERIORATING", LocalDate.of(2009, 5, 1), "ON_TRACK");
        fixture.fixtureCase("Health of 2009", opened, LocalDate.of(2009, 2, 1), "WATCH", LocalDate.of(2009, 3, 15), "ON_TRACK");
        fixture.fixtureCase("Health of 2009", opened, LocalDate.of(2009, 2, 1), "ON_TRACK", LocalDate.of(2009, 4, 10),
                "DETERIORATING");

        var march = reports.caseloadHealth(new ReportPeriod(LocalDate.of(2009, 3, 1), LocalDate.of(2009, 3, 31)));

        // Flagged on 31 March: the stalled one and the deteriorating one; their latest entries say otherwise.
        assertThat(march.practice().active()).isEqualTo(4);
        assertThat(march.practice().flagged()).isEqualTo(2);
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
        var finishedLastMonth = finishedPhqOrGadCoursesSince(today.minusMonths(1));
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
