package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unstuck.web.DemoClients.onlyClientOf;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A therapist finds a case by client code from the header; the admin follows it in the audit trail. */
class CaseSearchAndAuditBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;

    private void search(String text) {
        browser().type(By.cssSelector("#case-search-field input"), text);
        browser().visible(By.cssSelector("#case-search-field input")).sendKeys(Keys.ENTER);
    }

    @Test
    void a_therapist_finds_a_case_by_its_code_from_the_header_and_sees_who_reached_it() {
        var mine = onlyClientOf(jdbc, "therapist1");
        var theirs = onlyClientOf(jdbc, "therapist2");
        signInAs("therapist1");
        browser().open("/admin/audit");
        browser().visible(By.id("not-found"));
        assertThat(browser().all(By.id("audit-grid"))).isEmpty();
        browser().open("/caseload");

        search(mine.code().substring(0, mine.code().length() - 1).toLowerCase());
        var match = By.xpath("//vaadin-button[contains(@class, 'case-search-match')][.//span[normalize-space(.)='" + mine.code() + "']]");
        browser().visible(match);
        browser().screenshot("case-search-results");
        browser().click(match);
        browser().waitFor(ExpectedConditions.urlContains("/cases/" + mine.caseId()));
        browser().visible(By.id("case-access-link"));
        browser().screenshot("case-page-with-access-link");

        search(theirs.code());
        browser().waitFor(driver -> driver.findElement(By.id("case-search-results")).getText()
                .contains("No case " + theirs.code() + " that you can see."));
        search("ZZ-404");
        browser().waitFor(driver -> driver.findElement(By.id("case-search-results")).getText()
                .contains("No case ZZ-404 that you can see."));
        assertThat(browser().path()).isEqualTo("/cases/" + mine.caseId());

        browser().click(By.id("case-access-link"));
        browser().waitFor(ExpectedConditions.urlContains("/cases/" + mine.caseId() + "/access"));
        browser().waitFor(driver -> driver.findElement(By.id("case-access-grid")).getText().contains("Read a case"));
        assertThat(browser().visible(By.id("case-access-grid")).getText()).contains("Alex Morgan", "Looked at a case's access history");
        browser().screenshot("case-access-history");

        browser().driver().manage().window().setSize(new Dimension(400, 800));
        try {
            browser().open("/caseload");
            browser().visible(By.id("case-search-unfold"));
            assertThat(browser().driver().findElement(By.id("case-search-field")).isDisplayed()).isFalse();
            browser().screenshot("header-narrow");
            browser().click(By.id("case-search-unfold"));
            browser().type(By.cssSelector("#case-search-field input"), mine.code());
            browser().screenshot("header-narrow-search-open");
            browser().visible(By.cssSelector("#case-search-field input")).sendKeys(Keys.ENTER);
            browser().waitFor(ExpectedConditions.urlContains("/cases/" + mine.caseId()));
            browser().screenshot("case-found-narrow");
        } finally {
            browser().driver().manage().window().setSize(new Dimension(1280, 800));
        }
    }

    @Test
    void the_admin_filters_the_audit_trail_by_person() {
        var mine = onlyClientOf(jdbc, "therapist2");
        signInAs("therapist2");
        search(mine.code());
        browser().waitFor(ExpectedConditions.urlContains("/cases/" + mine.caseId()));
        forgetSession();

        signInAs("admin");
        assertThat(browser().all(By.id("case-search"))).isEmpty();
        browser().click(By.cssSelector("#main-nav vaadin-side-nav-item[path='admin/audit']"));
        var grid = browser().visible(By.id("audit-grid"));
        browser().waitFor(driver -> grid.getText().contains("Looked at the audit trail"));
        browser().click(By.id("audit-chain-check"));
        browser().waitFor(driver -> driver.findElement(By.id("audit-chain-status")).getText().contains("by admin: intact."));
        browser().waitFor(driver -> grid.getText().contains("Checked the audit chain"));
        browser().screenshot("audit-chain-checked");
        browser().type(By.cssSelector("#audit-person input"), "Sam");
        browser().visible(By.xpath("//vaadin-combo-box-item[normalize-space(.)='Sam Okafor (therapist2)']")).click();
        browser().waitFor(driver -> grid.getText().contains("Sam Okafor") && !grid.getText().contains("Chris Bell"));
        assertThat(grid.getText()).contains("Read a case", mine.code(), "Searched by client code");
        browser().screenshot("audit-viewer-by-person");

        browser().type(By.cssSelector("#audit-client input"), "ZZ-404");
        browser().visible(By.cssSelector("#audit-client input")).sendKeys(Keys.ENTER);
        browser().waitFor(driver -> grid.getText().contains("No entry matches these filters."));

        browser().driver().manage().window().setSize(new Dimension(400, 800));
        try {
            browser().open("/admin/audit");
            browser().waitFor(driver -> driver.findElement(By.id("audit-grid")).getText().contains("Looked at the audit trail"));
            browser().screenshot("audit-viewer-narrow");
        } finally {
            browser().driver().manage().window().setSize(new Dimension(1280, 800));
        }
    }
}
