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

/** A therapist works through their caseload in a real browser. */
@UnstuckAppTest
class TherapistWorkflowBrowserTest {

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

    private long openCaseOf(String username, String measure, int skip) {
        return jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = :username AND c.primary_measure = :measure AND c.closed_on IS NULL
                ORDER BY c.id OFFSET :skip LIMIT 1""")
                .param("username", username).param("measure", measure).param("skip", skip).query(Long.class).single();
    }

    private int sessionRows() {
        return browser().all(By.cssSelector("#sessions-grid vaadin-grid-cell-content")).size();
    }

    @Test
    void the_caseload_lists_the_therapists_cases_most_urgent_first_and_opens_a_case_page() {
        signInAs("therapist1");
        browser().click(By.cssSelector("#main-nav vaadin-side-nav-item[path='caseload']"));
        var grid = browser().visible(By.id("caseload-grid"));
        browser().waitFor(driver -> grid.getText().contains("C-"));
        assertThat(grid.getText()).contains("Stalled").doesNotContain("Jordan Reyes");
        browser().screenshot("caseload-therapist1");

        browser().visible(By.cssSelector("#caseload-grid vaadin-grid-cell-content .status-badge")).click();
        browser().waitFor(driver -> driver.getCurrentUrl().matches(".*/cases/\\d+$"));
        assertThat(browser().visible(By.id("case-signals")).getText()).contains("Signals");
        assertThat(browser().all(By.cssSelector("#primary-chart circle, svg#primary-chart circle, #primary-chart"))).isNotEmpty();
        browser().screenshot("case-page-therapist1");
    }

    @Test
    void a_session_with_an_out_of_range_score_is_refused_on_the_field_and_a_good_one_is_saved() {
        signInAs("therapist2");
        var caseId = openCaseOf("therapist2", "PHQ-9", 1);
        browser().open("/cases/" + caseId);
        browser().visible(By.id("sessions-grid"));
        var before = jdbc.sql("SELECT count(*) FROM therapy_session WHERE case_id = :id").param("id", caseId)
                .query(Integer.class).single();

        browser().click(By.id("record-session"));
        browser().type(By.cssSelector("#score-PHQ-9 input"), "31");
        browser().type(By.cssSelector("#score-SRS input"), "38.5");
        browser().click(By.id("save-session"));
        var field = browser().visible(By.id("score-PHQ-9"));
        browser().waitFor(driver -> field.getAttribute("invalid") != null);
        assertThat(field.getText()).contains("PHQ-9 scores are 0–27 in whole points; got 31.");
        browser().screenshot("record-session-refused");
        assertThat(jdbc.sql("SELECT count(*) FROM therapy_session WHERE case_id = :id").param("id", caseId)
                .query(Integer.class).single()).isEqualTo(before);

        browser().type(By.cssSelector("#score-PHQ-9 input"), "12");
        browser().click(By.id("save-session"));
        browser().waitFor(driver -> driver.findElements(By.id("save-session")).isEmpty());
        assertThat(jdbc.sql("SELECT count(*) FROM therapy_session WHERE case_id = :id").param("id", caseId)
                .query(Integer.class).single()).isEqualTo(before + 1);
        assertThat(browser().visible(By.id("sessions-grid")).getText()).contains("PHQ-9 12");
        browser().screenshot("case-after-session");
    }

    @Test
    void a_note_saying_the_client_is_hard_to_work_with_shows_as_therapist_reticence() {
        signInAs("therapist1");
        var caseId = openCaseOf("therapist1", "GAD-7", 0);
        browser().open("/cases/" + caseId);
        browser().click(By.id("write-note"));
        browser().type(By.cssSelector("#note-my-reactions textarea"), "<b>I dread these sessions</b> and feel defensive.");
        browser().click(By.cssSelector("#note-hard label"));
        browser().click(By.id("save-note"));
        // Saving redraws the page, so the notes are looked up afresh.
        browser().waitFor(driver -> driver.findElements(By.id("save-note")).isEmpty()
                && driver.findElement(By.id("case-notes")).getText().contains("I dread these sessions"));
        assertThat(browser().visible(By.id("case-notes")).getText())
                .contains("<b>I dread these sessions</b>", "Hard to work with");
        assertThat(browser().visible(By.id("case-signals")).getText()).contains("Therapist reticence");
        browser().screenshot("case-note-reticence");
    }

    @Test
    void another_therapists_case_is_not_found_and_the_attempt_is_audited() {
        signInAs("therapist1");
        var theirs = openCaseOf("therapist3", "PHQ-9", 0);
        browser().open("/cases/" + theirs);
        assertThat(browser().visible(By.id("not-found")).getText()).contains("Not found");
        assertThat(browser().driver().getPageSource()).doesNotContain("case-signals");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'therapist1' AND case_id = :id AND outcome = 'REFUSED'")
                .param("id", theirs).query(Integer.class).single()).isPositive();
    }

    @Test
    void a_therapist_whose_licence_expired_is_told_why_a_case_cannot_be_opened() {
        signInAs("therapist4");
        browser().open("/caseload");
        browser().click(By.id("open-case"));
        browser().type(By.cssSelector("#client-code input"), "C-7777");
        browser().type(By.cssSelector("#presenting-problem input"), "Panic attacks");
        browser().type(By.cssSelector("#approach input"), "CBT");
        browser().type(By.cssSelector("#primary-measure input"), "GAD-7");
        browser().visible(By.cssSelector("vaadin-combo-box-item")).click();
        browser().click(By.id("save-case"));
        var refusal = browser().visible(By.id("open-case-refusal"));
        assertThat(refusal.getText()).contains("cannot take new cases", "licence expired");
        browser().screenshot("open-case-refused");
    }
}
