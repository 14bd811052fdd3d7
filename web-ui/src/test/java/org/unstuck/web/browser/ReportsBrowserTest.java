package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reports are chosen by period, built with a progress bar, and downloaded, in a real browser. */
class ReportsBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void the_practice_manager_downloads_caseload_health_and_what_works_for_the_last_three_months() throws Exception {
        signInAs("manager");
        browser().click(By.cssSelector("#main-nav vaadin-side-nav-item[path='reports']"));
        browser().click(By.xpath("//vaadin-button[normalize-space(.)='Last 3 months']"));

        browser().click(By.id("report-health-prepare"));
        browser().visible(By.id("report-health-pdf"));
        var from = LocalDate.now().minusMonths(3).plusDays(1);
        assertThat(downloadedPdf(By.id("report-health-pdf"))).contains("Caseload health",
                "From " + from + " to " + LocalDate.now(), "Whole practice", "Alex Morgan");
        var csv = new String(download(By.id("report-health-csv"), "text/csv"), StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).findFirst()).hasValueSatisfying(line ->
                assertThat(line).startsWith(from + "," + LocalDate.now() + ",practice,,"));

        browser().click(By.id("report-decisions-prepare"));
        browser().visible(By.id("report-decisions-pdf"));
        browser().screenshot("reports-manager");
        var whatWorks = downloadedPdf(By.id("report-decisions-pdf"));
        assertThat(whatWorks).contains("What works");
        assertThat(jdbc.sql("SELECT code FROM client").query(String.class).list()).noneMatch(whatWorks::contains);
        assertThat(browser().all(By.id("report-compliance-prepare"))).hasSize(1);
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused_on_its_field_and_nothing_is_built_until_it_is_mended() throws Exception {
        signInAs("supervisor1");
        browser().open("/reports");
        assertThat(browser().all(By.id("report-compliance-prepare"))).as("compliance is the practice manager's").isEmpty();
        browser().type(By.cssSelector("#report-from input"),
                LocalDate.now().minusDays(2).format(DateTimeFormatter.ofPattern("M/d/yyyy")) + "\n");
        browser().type(By.cssSelector("#report-to input"),
                LocalDate.now().minusDays(5).format(DateTimeFormatter.ofPattern("M/d/yyyy")) + "\n");
        browser().click(By.id("report-decisions-prepare"));
        browser().waitFor(driver -> driver.findElement(By.id("report-from")).getAttribute("invalid") != null);
        // The what-works figures below make the page long: scroll back up to the field, as a person would.
        ((JavascriptExecutor) browser().driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser().driver().findElement(By.id("report-from")));
        assertThat(browser().visible(By.id("report-from")).getText()).contains("The first day comes on or before the last day.");
        browser().screenshot("reports-invalid-period");
        assertThat(browser().all(By.id("report-decisions-pdf"))).isEmpty();

        browser().click(By.xpath("//vaadin-button[normalize-space(.)='Last 12 months']"));
        browser().click(By.id("report-decisions-prepare"));
        var log = downloadedPdf(By.id("report-decisions-pdf"));
        var teamClient = jdbc.sql("""
                SELECT cl.code FROM decision d JOIN therapy_case c ON c.id = d.case_id JOIN client cl ON cl.id = c.client_id
                JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username IN ('therapist1', 'therapist2', 'therapist3', 'supervisor2') ORDER BY d.id LIMIT 1""")
                .query(String.class).single();
        assertThat(log).contains("Decisions and their outcomes", "Decision log", teamClient, "What works");
    }
}
