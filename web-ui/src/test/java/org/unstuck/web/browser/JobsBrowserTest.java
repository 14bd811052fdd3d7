package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.unstuck.persistence.jobs.JdbcJobRuns;
import org.unstuck.web.jobs.NightlyReassessment;

/** The admin's page of scheduled jobs: why nothing is there before the first run, then each run's figures. */
class JobsBrowserTest extends BrowserTest {

    @Autowired JdbcJobRuns runs;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @AfterEach
    void forgetTheRuns() {
        jdbc.sql("DELETE FROM job_run WHERE job_name = :job").param("job", NightlyReassessment.JOB).update();
        browser().driver().manage().window().setSize(new Dimension(1280, 800));
    }

    @Test
    void the_admin_reads_when_the_nightly_run_first_happens_then_how_its_runs_went() {
        signInAs("admin");
        browser().open("/admin/jobs");
        browser().visible(By.id("jobs-view"));
        assertThat(browser().visible(By.id("nightly-reassessment-empty")).getText())
                .startsWith("The nightly re-assessment has not run yet; it first runs at ")
                .contains("12:05");
        browser().screenshot("jobs-admin-empty");

        var today = LocalDate.now(clock);
        var first = runs.begin(NightlyReassessment.JOB, today.minusDays(1), "node-a", clock.instant().minus(Duration.ofDays(1)));
        transaction.executeWithoutResult(status -> runs.progressed(first.id(), 140, 150, 12));
        runs.failed(first.id(), new IllegalStateException("The database connection was lost"),
                clock.instant().minus(Duration.ofDays(1)).plusSeconds(3));
        var second = runs.begin(NightlyReassessment.JOB, today.minusDays(1), "node-b", clock.instant().minus(Duration.ofHours(20)));
        transaction.executeWithoutResult(status -> runs.progressed(second.id(), 900, 18, 2));
        runs.succeeded(second.id(), clock.instant().minus(Duration.ofHours(20)).plusMillis(1400));

        browser().open("/admin/jobs");
        var grid = browser().visible(By.id("nightly-reassessment-runs"));
        browser().waitFor(driver -> driver.findElement(By.id("nightly-reassessment-runs")).getText().contains("Succeeded"));
        assertThat(grid.getText()).contains("Succeeded (attempt 2 on node-b)", "Continued after case 140",
                "Took 1.4 s; 18 cases assessed, 2 changed.", "Failed (attempt 1 on node-a)",
                "IllegalStateException: The database connection was lost", "150 cases assessed, 12 changed.");
        assertThat(browser().visible(By.id("nightly-reassessment-next")).getText()).startsWith("Next run: ");
        browser().screenshot("jobs-admin");
        browser().driver().manage().window().setSize(new Dimension(400, 800));
        browser().visible(By.id("nightly-reassessment-runs"));
        browser().screenshot("jobs-admin-narrow");
    }

    @Test
    void only_the_admin_opens_the_jobs_page() {
        signInAs("therapist1");
        browser().open("/admin/jobs");
        assertThat(browser().visible(By.id("not-found")).getText()).contains("Not found");
        assertThat(browser().all(By.id("jobs-view"))).isEmpty();
    }
}
