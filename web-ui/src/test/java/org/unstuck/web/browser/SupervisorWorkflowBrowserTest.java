package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A supervisor works through the board in a real browser; a colleague answers a referral. */
class SupervisorWorkflowBrowserTest extends BrowserTest {

    private static final Pattern CLIENT_CODE = Pattern.compile("\\bC-\\d{4}\\b");

    @Autowired JdbcClient jdbc;

    private String walkText() {
        return browser().waitFor(driver -> {
            try {
                return driver.findElement(By.id("meeting-walk")).getText();
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
    }

    /** The walk-through card or, past the last case, the closing step. */
    private String walkOrClosingText() {
        return browser().waitFor(driver -> {
            try {
                var shown = driver.findElements(By.cssSelector("#meeting-walk, #meeting-closing"));
                return shown.isEmpty() ? null : shown.getFirst().getText();
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) browser().driver()).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private record StalledCase(long id, String client, String approach) {
    }

    private StalledCase stalledCaseOf(String therapist) {
        return jdbc.sql("""
                SELECT c.id, cl.code, c.approach FROM therapy_case c JOIN client cl ON cl.id = c.client_id
                JOIN user_account u ON u.id = c.therapist_id JOIN case_progress_snapshot p ON p.case_id = c.id
                WHERE u.username = :therapist AND c.closed_on IS NULL AND p.status = 'STALLED'
                  AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.case_id = c.id)
                ORDER BY p.status_since, c.id LIMIT 1""")
                .param("therapist", therapist)
                .query((row, number) -> new StalledCase(row.getLong(1), row.getString(2), row.getString(3)))
                .single();
    }

    @Test
    void supervisor1_runs_the_loop_from_a_reason_chip_through_a_meeting_to_a_planned_ending_and_a_closed_case()
            throws Exception {
        var stalled = stalledCaseOf("therapist1");
        var newApproach = stalled.approach().equals("CBT") ? "Behavioural activation" : "CBT";
        var reason = jdbc.sql("SELECT reason FROM case_progress_signal WHERE case_id = :id ORDER BY position LIMIT 1")
                .param("id", stalled.id()).query(String.class).single();
        signInAs("supervisor1");
        browser().click(By.cssSelector("#main-nav vaadin-side-nav-item[path='review']"));
        var grid = browser().visible(By.id("board-grid"));
        browser().click(By.id("reason-" + reason.toLowerCase(Locale.ROOT).replace('_', '-')));
        browser().type(By.cssSelector("#therapist-filter input"), "Alex");
        browser().visible(By.xpath("//vaadin-combo-box-item[normalize-space(.)='Alex Morgan']")).click();
        browser().waitFor(driver -> grid.getText().contains(stalled.client()));
        assertThat(browser().visible(By.id("reason-counts")).getText()).contains("Approach fit");
        browser().screenshot("review-board-supervisor1");

        browser().click(By.cssSelector("#main-nav vaadin-side-nav-item[path='meetings']"));
        browser().click(By.id("plan-meeting"));
        browser().click(By.xpath("//vaadin-checkbox[normalize-space(.)='Alex Morgan']//label"));
        browser().click(By.id("save-meeting"));
        browser().waitFor(driver -> driver.findElement(By.id("meeting-place")).getAttribute("invalid") != null);
        assertThat(browser().visible(By.id("meeting-place")).getText()).contains("Place: give a room or a video link");
        browser().screenshot("meeting-plan-refused");
        browser().type(By.cssSelector("#meeting-date input"), LocalDate.now().format(DateTimeFormatter.ofPattern("M/d/yyyy"))
                + "\n");
        browser().type(By.cssSelector("#meeting-place input"), "Supervision room, first floor");
        browser().click(By.id("save-meeting"));
        browser().waitFor(driver -> driver.getCurrentUrl().matches(".*/meetings/\\d+$"));
        var agenda = browser().visible(By.id("meeting-agenda"));
        assertThat(agenda.getText()).contains(stalled.client()).doesNotContain("Sam Okafor", "Jordan Reyes");
        assertThat(browser().visible(By.id("meeting-when")).getText()).contains("14:00", "Supervision room, first floor");
        browser().screenshot("meeting-agenda");

        browser().click(By.id("start-meeting"));
        assertThat(walkText().toLowerCase(Locale.ROOT)).as("the card's headings are set in capitals")
                .contains("case 1 of", "signals", "last sessions", "latest reflective note", "decisions taken before",
                        "follow-ups due");
        var firstCase = walkText();
        browser().click(By.id("meeting-next"));
        browser().waitFor(driver -> !walkText().equals(firstCase));
        browser().driver().navigate().refresh();
        assertThat(walkText()).as("the walk keeps its place across a reload").contains("Case 2 of");
        assertThat(browser().visible(By.cssSelector(".agenda-item-current")).getText())
                .isEqualTo(browser().all(By.cssSelector(".agenda-item")).get(1).getText());
        browser().click(By.id("meeting-previous"));
        browser().waitFor(driver -> walkText().contains("Case 1 of"));
        for (int step = 0; step < 100 && !walkText().contains(stalled.client()); step++) {
            var before = walkText();
            browser().click(By.id("meeting-next"));
            browser().waitFor(driver -> !walkText().equals(before));
        }
        browser().click(By.id("meeting-decide"));
        browser().click(By.id("decision-type"));
        browser().click(By.xpath("//vaadin-select-item[normalize-space(.)='Change approach']"));
        browser().type(By.cssSelector("#decision-new-approach input"), newApproach);
        browser().type(By.cssSelector("#decision-rationale textarea"), "No reliable change after many sessions; try BA.");
        browser().type(By.cssSelector("#decision-follow-up input"), LocalDate.now().plusWeeks(6)
                .format(DateTimeFormatter.ofPattern("M/d/yyyy")) + "\n");
        browser().screenshot("decision-dialog");
        browser().click(By.id("save-decision"));
        browser().waitFor(driver -> driver.findElements(By.id("save-decision")).isEmpty());
        browser().waitFor(driver -> driver.findElement(By.id("meeting-minutes")).getText().contains("Change approach"));
        assertThat(browser().visible(By.id("meeting-minutes")).getText())
                .contains(stalled.client() + ": Change approach: " + stalled.approach() + " → " + newApproach);
        browser().screenshot("meeting-minutes");
        for (int step = 0; step < 100 && browser().all(By.id("meeting-closing")).isEmpty(); step++) {
            var before = walkOrClosingText();
            browser().click(By.id("meeting-next"));
            browser().waitFor(driver -> !walkOrClosingText().equals(before));
        }
        assertThat(browser().visible(By.id("meeting-closing")).getText()).contains("no decision yet")
                .doesNotContain(stalled.client());
        browser().screenshot("meeting-closing-step");

        var recorded = jdbc.sql("""
                SELECT count(*) FROM decision WHERE case_id = :id AND decision_type = 'CHANGE_APPROACH'
                  AND meeting_id IS NOT NULL AND follow_up_on = :followUp""")
                .param("id", stalled.id()).param("followUp", LocalDate.now().plusWeeks(6))
                .query(Integer.class).single();
        assertThat(recorded).isEqualTo(1);
        assertThat(jdbc.sql("SELECT approach FROM therapy_case WHERE id = :id").param("id", stalled.id())
                .query(String.class).single()).isEqualTo(newApproach);

        browser().click(By.id("meeting-pack-prepare"));
        browser().screenshot("meeting-pack-building");
        browser().visible(By.id("meeting-pack-pdf"));
        assertThat(browser().visible(By.id("meeting-pack-state")).getText()).contains("Ready");
        browser().screenshot("meeting-pack-ready");
        // A line of the PDF may break anywhere in the rationale.
        assertThat(downloadedPdf(By.id("meeting-pack-pdf")).replaceAll("\\s+", " ")).contains("Review meeting pack",
                "Supervisor: Dr Ruth Lindqvist",
                stalled.client(), "Change approach", newApproach, "No reliable change after many");

        browser().open("/cases/" + stalled.id());
        assertThat(browser().visible(By.id("case-decisions")).getText())
                .contains("Change approach: " + stalled.approach() + " → " + newApproach);
        scrollTo("case-decisions");
        browser().screenshot("case-decisions");

        browser().click(By.id("record-decision"));
        browser().click(By.id("decision-type"));
        browser().click(By.xpath("//vaadin-select-item[normalize-space(.)='Planned ending']"));
        browser().type(By.cssSelector("#decision-rationale textarea"), "Goals met on the new approach; end as planned.");
        browser().type(By.cssSelector("#decision-follow-up input"), LocalDate.now().plusWeeks(2)
                .format(DateTimeFormatter.ofPattern("M/d/yyyy")) + "\n");
        browser().click(By.id("save-decision"));
        browser().waitFor(driver -> driver.findElements(By.id("save-decision")).isEmpty());
        browser().waitFor(driver -> driver.findElement(By.id("case-decisions")).getText()
                .contains("Answered by Planned ending on"));

        browser().click(By.id("planned-ending-close"));
        browser().click(By.id("save-closing"));
        browser().waitFor(driver -> driver.findElements(By.id("save-closing")).isEmpty());
        assertThat(jdbc.sql("SELECT closing_reason FROM therapy_case WHERE id = :id").param("id", stalled.id())
                .query(String.class).single()).isEqualTo("PLANNED_ENDING_COMPLETED");

        browser().open("/reports");
        browser().click(By.id("report-decisions-prepare"));
        var log = new String(download(By.id("report-decisions-csv"), "text/csv"), StandardCharsets.UTF_8);
        assertThat(log).contains(stalled.client()).contains("Change approach: " + stalled.approach() + " → " + newApproach);

        browser().driver().manage().deleteAllCookies();
        signInAs("therapist1");
        browser().open("/caseload");
        browser().click(By.cssSelector("#show-closed label"));
        var caseload = browser().visible(By.id("caseload-grid"));
        var js = (JavascriptExecutor) browser().driver();
        browser().waitFor(driver -> caseload.getDomAttribute("loading") == null);
        var rows = ((Number) js.executeScript("return arguments[0].size", caseload)).intValue();
        for (int row = 0; row < rows && !caseload.getText().contains(stalled.client()); row += 5) {
            js.executeScript("arguments[0].scrollToIndex(arguments[1])", caseload, row);
            browser().waitFor(driver -> caseload.getDomAttribute("loading") == null);
        }
        var closedRow = Pattern.compile(stalled.client() + "\\R" + Pattern.quote(newApproach) + "\\RClosed")
                .matcher(caseload.getText());
        assertThat(closedRow.find()).as("the closed case reads Closed in the caseload: %s", caseload.getText()).isTrue();
        browser().screenshot("caseload-closed-case");
    }

    /** The clients of supervisor1's team whose case carries a signal of the reason, from the stored signals. */
    private List<String> clientsCarrying(String reason, boolean carrying) {
        return jdbc.sql("""
                SELECT cl.code FROM therapy_case c JOIN client cl ON cl.id = c.client_id
                WHERE c.closed_on IS NULL
                  AND c.therapist_id IN (SELECT pair.therapist_id FROM supervision_pair pair
                      JOIN user_account s ON s.id = pair.supervisor_id WHERE s.username = 'supervisor1')
                  AND EXISTS (SELECT 1 FROM case_progress_signal signal WHERE signal.case_id = c.id
                      AND signal.reason = :reason) = :carrying
                ORDER BY cl.code""")
                .param("reason", reason).param("carrying", carrying).query(String.class).list();
    }

    /** The reason fewest of supervisor1's cases carry, so that the whole filtered board is drawn at once. */
    private String rarestReason() {
        return jdbc.sql("""
                SELECT signal.reason FROM case_progress_signal signal JOIN therapy_case c ON c.id = signal.case_id
                WHERE c.closed_on IS NULL
                  AND c.therapist_id IN (SELECT pair.therapist_id FROM supervision_pair pair
                      JOIN user_account s ON s.id = pair.supervisor_id WHERE s.username = 'supervisor1')
                GROUP BY signal.reason ORDER BY count(DISTINCT c.id), signal.reason LIMIT 1""")
                .query(String.class).single();
    }

    /**
     * Whether the board lists only these clients, and all of them when they fit its window (the grid
     * draws only the rows in view).
     */
    private boolean showsOnly(List<String> clients) {
        var shown = CLIENT_CODE.matcher(browser().driver().findElement(By.id("board-grid")).getText()).results()
                .map(MatchResult::group).collect(Collectors.toSet());
        return !shown.isEmpty() && clients.containsAll(shown) && (clients.size() > 6 || shown.containsAll(clients));
    }

    private boolean boardOverflows() {
        return (Boolean) ((JavascriptExecutor) browser().driver()).executeScript("""
                const table = arguments[0].shadowRoot.querySelector('#table');
                return table.scrollWidth > table.clientWidth;""", browser().visible(By.id("board-grid")));
    }

    /** The page as a window of exactly this size would show it. */
    private void viewport(int width, int height) {
        ((ChromeDriver) browser().driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Scrolls the board to its right edge; true once the client column is still in view beside the last one. */
    private boolean clientStaysInViewWhenScrolledRight() {
        return (Boolean) ((JavascriptExecutor) browser().driver()).executeScript("""
                const grid = arguments[0];
                const table = grid.shadowRoot.querySelector('#table');
                table.scrollLeft = table.scrollWidth;
                const header = name => [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .find(cell => cell.textContent.trim() === name).getBoundingClientRect();
                const box = table.getBoundingClientRect();
                const client = header('Client');
                const last = header('Last decision');
                return table.scrollLeft > 0 && client.left >= box.left && client.right < last.left && last.right <= box.right;""",
                browser().visible(By.id("board-grid")));
    }

    @Test
    void supervisor1_shows_only_the_cases_carrying_a_reason_by_its_chip_and_the_address_keeps_the_choice() {
        var reason = rarestReason();
        var slug = reason.toLowerCase(Locale.ROOT).replace('_', '-');
        var carrying = clientsCarrying(reason, true);
        var others = clientsCarrying(reason, false);
        assertThat(carrying).isNotEmpty();
        signInAs("supervisor1");
        viewport(1280, 800);
        try {
            browser().open("/review");
            var chip = By.id("reason-" + slug);
            assertThat(browser().visible(chip).getText()).endsWith(" " + carrying.size());
            browser().waitFor(driver -> others.stream().anyMatch(driver.findElement(By.id("board-grid")).getText()::contains));
            assertThat(boardOverflows()).as("every column fits a 1280-pixel window").isFalse();
            browser().screenshot("review-board-1280x800");

            browser().click(chip);
            browser().waitFor(driver -> driver.getCurrentUrl().endsWith("/review?reason=" + slug));
            browser().visible(By.cssSelector("#reason-" + slug + "[aria-pressed='true']"));
            browser().waitFor(driver -> showsOnly(carrying));
            browser().screenshot("review-board-reason-chip-1280x800");

            browser().driver().navigate().refresh();
            browser().visible(By.cssSelector("#reason-" + slug + "[aria-pressed='true']"));
            browser().waitFor(driver -> showsOnly(carrying));
            assertThat(browser().path()).isEqualTo("/review?reason=" + slug);

            browser().click(chip);
            browser().waitFor(driver -> driver.getCurrentUrl().endsWith("/review"));
            browser().waitFor(driver -> others.stream().anyMatch(driver.findElement(By.id("board-grid")).getText()::contains));

            viewport(400, 800);
            browser().visible(chip);
            browser().waitFor(driver -> clientStaysInViewWhenScrolledRight());
            browser().screenshot("review-board-400x800-scrolled");
        } finally {
            ((ChromeDriver) browser().driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
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
        browser().visible(By.xpath("//vaadin-combo-box-item[starts-with(normalize-space(.), 'Sam Okafor')]")).click();
        browser().type(By.cssSelector("#decision-rationale textarea"), "Jordan finds this client hard; Sam has the training.");
        browser().click(By.id("save-decision"));
        browser().waitFor(driver -> driver.findElements(By.id("save-decision")).isEmpty());
        assertThat(browser().visible(By.id("case-decisions")).getText()).contains("Refer to Sam Okafor",
                "Waiting for Sam Okafor to accept or decline the referral");
        forgetSession();

        signInAs("therapist2");
        browser().open("/caseload");
        var panel = browser().visible(By.id("referrals"));
        assertThat(panel.getText()).contains(stalled.client(), "Jordan finds this client hard");
        browser().screenshot("referral-waiting");
        var referralId = jdbc.sql("SELECT id FROM referral WHERE case_id = :id AND state = 'PROPOSED'")
                .param("id", stalled.id()).query(Long.class).single();
        browser().click(By.id("accept-referral-" + referralId));
        browser().waitFor(driver -> driver.findElements(By.id("accept-referral-" + referralId)).isEmpty()
                && driver.findElement(By.id("caseload-grid")).getText().contains(stalled.client()));
        browser().open("/cases/" + stalled.id());
        assertThat(browser().visible(By.cssSelector(".case-facts")).getText()).contains("therapist Sam Okafor");
        forgetSession();

        signInAs("supervisor2");
        browser().open("/cases/" + stalled.id());
        assertThat(browser().visible(By.id("not-found")).getText()).contains("Not found");
    }

    @Test
    void a_declined_referral_shows_its_reason_to_the_supervisor_who_marks_it_reviewed_and_a_lapsed_colleague_is_not_offered() {
        var stalled = stalledCaseOf("therapist2");
        signInAs("supervisor1");
        browser().open("/cases/" + stalled.id());
        browser().click(By.id("record-decision"));
        browser().click(By.id("decision-type"));
        browser().click(By.xpath("//vaadin-select-item[normalize-space(.)='Refer to a colleague']"));
        assertThat(browser().visible(By.id("decision-colleagues-not-offered")).getText())
                .startsWith("Not offered:").contains("Nina Berg — licence expired");
        browser().type(By.cssSelector("#decision-colleague input"), "Jordan");
        browser().visible(By.xpath("//vaadin-combo-box-item[starts-with(normalize-space(.), 'Jordan Reyes')]")).click();
        browser().screenshot("decision-dialog-colleagues");
        browser().type(By.cssSelector("#decision-rationale textarea"), "Sam finds this client hard; Jordan has the training.");
        browser().click(By.id("save-decision"));
        browser().waitFor(driver -> driver.findElements(By.id("save-decision")).isEmpty());
        var decisionId = jdbc.sql("SELECT decision_id FROM referral WHERE case_id = :id AND state = 'PROPOSED'")
                .param("id", stalled.id()).query(Long.class).single();
        var referralId = jdbc.sql("SELECT id FROM referral WHERE decision_id = :id").param("id", decisionId)
                .query(Long.class).single();
        forgetSession();

        signInAs("therapist3");
        browser().open("/caseload");
        browser().type(By.cssSelector("#decline-reason-" + referralId + " input"), "No space on my caseload until March.");
        browser().click(By.id("decline-referral-" + referralId));
        browser().waitFor(driver -> driver.findElements(By.id("decline-referral-" + referralId)).isEmpty());
        forgetSession();

        signInAs("supervisor1");
        browser().open("/follow-ups");
        var grid = browser().visible(By.id("follow-ups-grid"));
        browser().waitFor(driver -> grid.getText().contains("Referral to Jordan Reyes declined on"));
        assertThat(grid.getText()).contains(stalled.client(), "Refer to Jordan Reyes", "No space on my caseload until March.");
        browser().screenshot("follow-ups-declined-referral");
        browser().click(By.id("follow-up-reviewed-" + decisionId));
        browser().type(By.cssSelector("#follow-up-review-note textarea"), "Sam keeps the case; we revisit in March.");
        browser().click(By.id("follow-up-review-confirm"));
        browser().waitFor(driver -> driver.findElements(By.id("follow-up-reviewed-" + decisionId)).isEmpty());

        browser().open("/cases/" + stalled.id());
        assertThat(browser().visible(By.id("case-decisions")).getText()).contains(
                "Referral to Jordan Reyes declined on", "No space on my caseload until March.",
                "no change. Sam keeps the case; we revisit in March.");
        scrollTo("case-decisions");
        browser().screenshot("case-decisions-declined");

        browser().click(By.id("correct-decision-" + decisionId));
        assertThat(browser().visible(By.cssSelector("#decision-rationale textarea")).getDomProperty("value"))
                .isEqualTo("Sam finds this client hard; Jordan has the training.");
        assertThat(browser().visible(By.cssSelector("#decision-colleague input")).getDomProperty("value"))
                .startsWith("Jordan Reyes");
        browser().screenshot("decision-dialog-correcting");
    }
}
