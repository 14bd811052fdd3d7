package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.Decisions;

/** A therapist works through their caseload in a real browser. */
class TherapistWorkflowBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private long openCaseOf(String username, String measure, int skip) {
        return jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = :username AND c.primary_measure = :measure AND c.closed_on IS NULL
                ORDER BY c.id OFFSET :skip LIMIT 1""")
                .param("username", username).param("measure", measure).param("skip", skip).query(Long.class).single();
    }

    /** A case of therapist1 stalled for no reliable improvement and nothing else, with its first score. */
    private record StalledCase(long id, String client, String measure, double bestScore, boolean lowerIsBetter) {
    }

    /** A case stalled for its approach alone: no reliable improvement, perhaps off its expected course too. */
    private StalledCase stalledForItsApproachAlone() {
        return jdbc.sql("""
                SELECT c.id, cl.code, c.primary_measure, m.min_score, m.max_score, m.better_when
                FROM therapy_case c JOIN client cl ON cl.id = c.client_id
                JOIN user_account u ON u.id = c.therapist_id
                JOIN measure m ON m.code = c.primary_measure
                JOIN case_progress_snapshot p ON p.case_id = c.id
                WHERE u.username = 'therapist1' AND c.closed_on IS NULL AND p.status = 'STALLED'
                  AND p.top_rule = 'NO_RELIABLE_IMPROVEMENT' AND m.decimals = 0
                  AND NOT EXISTS (SELECT 1 FROM case_progress_signal s WHERE s.case_id = c.id AND s.reason <> 'APPROACH_FIT')
                  AND NOT EXISTS (SELECT 1 FROM therapy_session s WHERE s.case_id = c.id AND s.session_date = current_date)
                ORDER BY c.id LIMIT 1""")
                .query((row, number) -> {
                    var lowerIsBetter = row.getString("better_when").equals("LOWER_IS_BETTER");
                    return new StalledCase(row.getLong("id"), row.getString("code"), row.getString("primary_measure"),
                            row.getDouble(lowerIsBetter ? "min_score" : "max_score"), lowerIsBetter);
                })
                .single();
    }

    private int sessionsOf(long caseId) {
        return jdbc.sql("SELECT count(*) FROM therapy_session WHERE case_id = :id").param("id", caseId)
                .query(Integer.class).single();
    }

    @Test
    void therapist1_opens_a_stalled_case_reads_why_and_a_valid_session_changes_its_status_as_the_rules_say() {
        var stalled = stalledForItsApproachAlone();
        signInAs("therapist1");
        browser().click(By.cssSelector("#main-nav vaadin-side-nav-item[path='caseload']"));
        var grid = browser().visible(By.id("caseload-grid"));
        browser().waitFor(driver -> grid.getText().contains(stalled.client()));
        assertThat(grid.getText()).contains("Stalled").doesNotContain("Jordan Reyes");
        browser().screenshot("caseload-therapist1");

        browser().click(By.xpath("//vaadin-grid-cell-content[.//span[normalize-space(.)='" + stalled.client() + "']]"));
        browser().waitFor(driver -> driver.getCurrentUrl().endsWith("/cases/" + stalled.id()));
        var signals = browser().visible(By.id("case-signals")).getText();
        assertThat(signals).contains("Stalled", "Approach fit", stalled.measure() + " ",
                "reliable improvement needs a " + (stalled.lowerIsBetter() ? "drop" : "rise"));
        assertThat(browser().all(By.cssSelector("#primary-chart circle"))).isNotEmpty();
        browser().screenshot("case-page-therapist1");

        var before = sessionsOf(stalled.id());
        browser().click(By.id("record-session"));
        browser().type(By.cssSelector("#score-" + stalled.measure() + " input"), "999");
        browser().type(By.cssSelector("#score-SRS input"), "38.5");
        browser().click(By.id("save-session"));
        var field = browser().visible(By.id("score-" + stalled.measure()));
        // The error text is drawn a moment after the field turns invalid.
        browser().waitFor(driver -> field.getAttribute("invalid") != null && field.getText().contains("got 999."));
        assertThat(field.getText()).contains(stalled.measure() + " scores are", "got 999.");
        browser().screenshot("record-session-refused");
        assertThat(sessionsOf(stalled.id())).isEqualTo(before);

        // The measure's best score: a reliable improvement, and better than any expected course.
        browser().type(By.cssSelector("#score-" + stalled.measure() + " input"), Long.toString(Math.round(stalled.bestScore())));
        browser().click(By.id("save-session"));
        browser().waitFor(driver -> driver.findElements(By.id("save-session")).isEmpty());
        assertThat(sessionsOf(stalled.id())).isEqualTo(before + 1);
        browser().waitFor(driver -> driver.findElement(By.cssSelector(".case-view .status-badge")).getText().equals("On track"));
        assertThat(browser().visible(By.id("case-signals")).getText()).contains("No signals");
        browser().screenshot("case-after-session");
    }

    @Test
    void the_screens_read_at_a_narrow_width_too() {
        signInAs("therapist1");
        browser().driver().manage().window().setSize(new Dimension(400, 860));
        try {
            browser().open("/caseload");
            browser().waitFor(driver -> driver.findElement(By.id("caseload-grid")).getText().contains("C-"));
            browser().screenshot("caseload-narrow");
            browser().open("/cases/" + openCaseOf("therapist1", "PHQ-9", 0));
            browser().visible(By.id("case-signals"));
            browser().screenshot("case-page-narrow");
        } finally {
            browser().driver().manage().window().setSize(new Dimension(1280, 800));
        }
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

    @Autowired Decisions decisions;

    /** A supervisor's planned-ending decision on the case today, as recorded in a review meeting. */
    private void plannedEndingDecidedOn(long caseId) {
        var supervisor = new UserId(jdbc.sql("SELECT id FROM user_account WHERE username = 'supervisor1'")
                .query(Long.class).single());
        var therapist = new UserId(jdbc.sql("SELECT therapist_id FROM therapy_case WHERE id = :id").param("id", caseId)
                .query(Long.class).single());
        var today = LocalDate.now(clock);
        decisions.record(new Decision(null, new CaseId(caseId), null, new DecisionDetails.PlannedEnding(),
                "The client reached the goals; end with a relapse-prevention plan.", Set.of(StallReason.APPROACH_FIT),
                therapist, today.plusWeeks(2), supervisor, clock.instant(), today, CaseStatus.INSUFFICIENT_DATA, null, null));
    }

    private String closingReasonOf(String client) {
        return jdbc.sql("""
                SELECT c.closing_reason FROM therapy_case c JOIN client cl ON cl.id = c.client_id WHERE cl.code = :client""")
                .param("client", client).query(String.class).single();
    }

    @Test
    void a_therapist_opens_a_case_corrects_a_wrong_session_and_closes_the_case_with_its_reason() {
        signInAs("therapist1");
        browser().open("/caseload");
        browser().click(By.id("open-case"));
        browser().type(By.cssSelector("#client-code input"), "C-L201");
        browser().type(By.cssSelector("#presenting-problem input"), "Health anxiety");
        browser().type(By.cssSelector("#approach input"), "CBT");
        browser().type(By.cssSelector("#primary-measure input"), "GAD-7");
        browser().visible(By.cssSelector("vaadin-combo-box-item")).click();
        browser().click(By.id("save-case"));
        browser().waitFor(driver -> driver.getCurrentUrl().matches(".*/cases/\\d+$"));
        var casePath = browser().path();

        browser().click(By.id("record-session"));
        browser().type(By.cssSelector("#score-GAD-7 input"), "19");
        browser().click(By.id("save-session"));
        browser().waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-notification-card"),
                "recorded for C-L201"));

        browser().click(By.cssSelector("#sessions-grid .void-session"));
        browser().click(By.id("confirm-void"));
        var reason = browser().visible(By.id("void-reason"));
        browser().waitFor(driver -> reason.getAttribute("invalid") != null);
        browser().screenshot("void-session-asks-why");
        browser().type(By.cssSelector("#void-reason textarea"), "Typed 19 instead of 9");
        browser().click(By.id("void-and-correct"));
        browser().type(By.cssSelector("#score-GAD-7 input"), "9");
        browser().click(By.id("save-session"));
        browser().waitFor(driver -> driver.findElements(By.id("save-session")).isEmpty()
                && driver.findElement(By.id("sessions-grid")).getText().contains("Voided: Typed 19 instead of 9"));
        assertThat(browser().all(By.cssSelector("#sessions-grid .voided"))).isNotEmpty();
        assertThat(browser().all(By.cssSelector("#sessions-grid .void-session"))).hasSize(1);
        browser().screenshot("case-with-voided-session");

        browser().open("/caseload");
        browser().click(By.id("open-case"));
        browser().type(By.cssSelector("#client-code input"), "C-L201");
        browser().visible(By.cssSelector("#client-code input")).sendKeys(Keys.TAB);
        assertThat(browser().visible(By.id("second-episode")).getText()).contains("already have an open case for C-L201");
        browser().screenshot("open-case-second-episode");
        browser().open(casePath);

        browser().click(By.id("close-case"));
        browser().click(By.id("save-closing"));
        var closingReason = browser().visible(By.id("closing-reason"));
        browser().waitFor(driver -> closingReason.getAttribute("invalid") != null);
        browser().click(By.id("cancel-closing"));
        browser().waitFor(driver -> driver.findElements(By.id("save-closing")).isEmpty());

        plannedEndingDecidedOn(Long.parseLong(casePath.substring(casePath.lastIndexOf('/') + 1)));
        browser().open(casePath);
        assertThat(browser().visible(By.id("planned-ending-prompt")).getText()).contains("A planned ending was decided on");
        browser().screenshot("case-planned-ending-prompt");
        browser().click(By.id("planned-ending-close"));
        browser().click(By.id("save-closing"));
        browser().waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-notification-card"),
                "C-L201 closed on"));
        assertThat(browser().visible(By.id("case-closed")).getText()).startsWith("Closed on").contains("Planned ending completed");
        assertThat(browser().all(By.id("record-session"))).isEmpty();
        assertThat(browser().all(By.id("close-case"))).isEmpty();
        assertThat(closingReasonOf("C-L201")).isEqualTo("PLANNED_ENDING_COMPLETED");
        assertThat(browser().all(By.id("planned-ending-prompt"))).isEmpty();
        browser().screenshot("case-closed");

        browser().open("/caseload");
        var grid = browser().visible(By.id("caseload-grid"));
        browser().waitFor(driver -> grid.getText().contains("C-"));
        assertThat(grid.getText()).doesNotContain("C-L201");
        browser().click(By.cssSelector("vaadin-checkbox#show-closed label"));
        browser().waitFor(driver -> grid.getText().contains("Closed"));
        browser().screenshot("caseload-with-closed");
    }
}
