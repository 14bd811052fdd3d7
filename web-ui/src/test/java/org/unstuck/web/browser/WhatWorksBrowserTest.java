package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.domain.review.Decisions;
import org.unstuck.web.common.ReportPeriod;
import org.unstuck.web.review.FollowUpHistoryFixture;

/**
 * Follow-ups judged on their date and the what-works grid, for a supervisor and the practice
 * manager, wide and narrow: small groups greyed and explained for the one, left out for the other.
 */
class WhatWorksBrowserTest extends BrowserTest {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("M/d/yyyy");

    @Autowired JdbcClient jdbc;
    @Autowired Decisions decisions;

    private static ReportPeriod march;

    private ReportPeriod march() {
        if (march == null) {
            march = new FollowUpHistoryFixture(jdbc, decisions).march(2007).period();
        }
        return march;
    }

    @AfterEach
    void wide() {
        browser().driver().manage().window().setSize(new Dimension(1280, 800));
    }

    private void choose(ReportPeriod period) {
        browser().type(By.cssSelector("#report-from input"), period.from().format(TYPED) + "\n");
        browser().type(By.cssSelector("#report-to input"), period.to().format(TYPED) + "\n");
    }

    private void shootAtBothWidths(String name, By what) {
        scrollTo(what);
        browser().screenshot(name + "-1280");
        browser().driver().manage().window().setSize(new Dimension(400, 800));
        scrollTo(what);
        browser().screenshot(name + "-400");
    }

    private void scrollTo(By what) {
        ((JavascriptExecutor) browser().driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                browser().visible(what));
    }

    @Test
    void a_supervisor_sees_a_follow_up_judged_on_its_date_and_small_groups_greyed_and_explained() {
        var period = march();
        signInAs("supervisor1");
        browser().open("/follow-ups");
        // The newest follow-ups come first; the 2007 one's wording is checked in FollowUpServiceTest.
        browser().waitFor(driver -> driver.findElement(By.id("follow-ups-grid")).getText().contains(" at follow-up"));
        assertThat(browser().visible(By.id("follow-ups-grid")).getText()).contains("Now: ");
        shootAtBothWidths("follow-ups-supervisor", By.id("follow-ups-grid"));
        wide();
        shootAtBothWidths("follow-ups-what-works-supervisor", By.id("what-works"));

        wide();
        browser().open("/reports");
        choose(period);
        browser().waitFor(driver -> driver.findElement(By.id("reports-what-works-grid")).getText().contains("alone"));
        var panel = browser().visible(By.id("reports-what-works")).getText();
        assertThat(panel).contains("Fewer than 5 cases: not a result", "Grey rows rest on fewer than 5 cases",
                "3 of 5", "60% (95% interval 23% to 88%)", "of the 8 cases flagged", "No clear difference", "Median 14 days");
        assertThat(browser().all(By.cssSelector("#reports-what-works-grid .what-works-small"))).isNotEmpty();
        assertThat(browser().all(By.cssSelector("#reports-what-works-grid .what-works-small.comparison-above-base-rate,"
                + " #reports-what-works-grid .what-works-small.comparison-below-base-rate"))).isEmpty();
        shootAtBothWidths("reports-what-works-supervisor", By.id("reports-what-works"));
    }

    @Test
    void the_practice_manager_sees_no_group_of_fewer_than_five_cases() {
        var period = march();
        signInAs("manager");
        browser().open("/reports");
        choose(period);
        browser().waitFor(driver -> driver.findElement(By.id("reports-what-works-grid")).getText().contains("3 of 5"));
        var panel = browser().visible(By.id("reports-what-works")).getText();
        assertThat(panel).contains("Groups of fewer than 5 cases are not shown").doesNotContain("alone", "Fewer than 5 cases:");
        shootAtBothWidths("reports-what-works-manager", By.id("reports-what-works"));
    }
}
