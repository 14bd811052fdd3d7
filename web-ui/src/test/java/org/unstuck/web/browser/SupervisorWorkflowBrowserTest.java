package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.web.UnstuckAppTest;

/** A supervisor works through the board in a real browser; a colleague answers a referral. */
@UnstuckAppTest
class SupervisorWorkflowBrowserTest {

    private static Browser browser;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private Browser browser() {
        if (browser == null) {
            browser = new Browser(port);
        }
        return browser;
    }

    @AfterEach
    void signOut() {
        browser().driver().manage().deleteAllCookies();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    private void signInAs(String username) {
        browser().open("/login");
        browser().signIn(username, "demo-password");
        browser().visible(By.id("main-nav"));
    }

    private record StalledCase(long id, String client, String approach) {
    }

    private StalledCase stalledCaseOf(String therapist) {
        return jdbc.sql("""
                SELECT c.id, cl.code, c.approach FROM therapy_case c JOIN client cl ON cl.id = c.client_id
                JOIN user_account u ON u.id = c.therapist_id JOIN case_progress_snapshot p ON p.case_id = c.id
                WHERE u.username = :therapist AND c.closed_on IS NULL AND p.status = 'STALLED'
                  AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.case_id = c.id)
                ORDER BY c.id DESC LIMIT 1""")
                .param("therapist", therapist)
                .query((row, number) -> new StalledCase(row.getLong(1), row.getString(2), row.getString(3)))
                .single();
    }

    @Test
    void supervisor1_finds_a_stalled_case_on_the_board_and_changes_its_approach() {
        var stalled = stalledCaseOf("therapist1");
        signInAs("supervisor1");
        browser().click(By.cssSelector("#main-nav vaadin-side-nav-item[path='review']"));
        var grid = browser().visible(By.id("board-grid"));
        browser().waitFor(driver -> grid.getText().contains(stalled.client()));
        assertThat(browser().visible(By.id("reason-counts")).getText()).contains("Approach fit");
        browser().screenshot("review-board-supervisor1");

        browser().click(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + stalled.client() + "']"));
        browser().waitFor(driver -> driver.getCurrentUrl().endsWith("/cases/" + stalled.id()));
        browser().click(By.id("record-decision"));
        browser().click(By.id("decision-type"));
        browser().click(By.xpath("//vaadin-select-item[normalize-space(.)='Change approach']"));
        browser().type(By.cssSelector("#decision-new-approach input"), "Behavioural activation");
        browser().type(By.cssSelector("#decision-rationale textarea"), "No reliable change after many sessions; try BA.");
        browser().screenshot("decision-dialog");
        browser().click(By.id("save-decision"));
        browser().waitFor(driver -> driver.findElements(By.id("save-decision")).isEmpty());

        assertThat(browser().visible(By.id("case-decisions")).getText()).contains("Change approach");
        assertThat(jdbc.sql("SELECT approach FROM therapy_case WHERE id = :id").param("id", stalled.id())
                .query(String.class).single()).isEqualTo("Behavioural activation");
        browser().screenshot("case-after-decision");
    }

    @Test
    void a_referral_to_therapist2_is_accepted_by_them_and_supervisor2_cannot_open_the_case() {
        var stalled = stalledCaseOf("therapist3");
        signInAs("supervisor1");
        browser().open("/cases/" + stalled.id());
        browser().click(By.id("record-decision"));
        browser().click(By.id("decision-type"));
        browser().click(By.xpath("//vaadin-select-item[normalize-space(.)='Refer to a colleague']"));
        browser().type(By.cssSelector("#decision-colleague input"), "Sam");
        browser().visible(By.xpath("//vaadin-combo-box-item[normalize-space(.)='Sam Okafor']")).click();
        browser().type(By.cssSelector("#decision-rationale textarea"), "Jordan finds this client hard; Sam has the training.");
        browser().click(By.id("save-decision"));
        browser().waitFor(driver -> driver.findElements(By.id("save-decision")).isEmpty());
        signOut();

        signInAs("therapist2");
        browser().open("/caseload");
        var panel = browser().visible(By.id("referrals"));
        assertThat(panel.getText()).contains(stalled.client(), "Jordan finds this client hard");
        browser().screenshot("referral-waiting");
        var referralId = jdbc.sql("SELECT id FROM referral WHERE case_id = :id AND state = 'PROPOSED'")
                .param("id", stalled.id()).query(Long.class).single();
        browser().click(By.id("accept-referral-" + referralId));
        browser().waitFor(driver -> driver.findElements(By.id("referrals")).isEmpty()
                && driver.findElement(By.id("caseload-grid")).getText().contains(stalled.client()));
        browser().open("/cases/" + stalled.id());
        assertThat(browser().visible(By.cssSelector(".case-facts")).getText()).contains("therapist Sam Okafor");
        signOut();

        signInAs("supervisor2");
        browser().open("/cases/" + stalled.id());
        assertThat(browser().visible(By.id("not-found")).getText()).contains("Not found");
    }
}
