package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.web.common.PracticeClock;

/** What a newcomer sees on the demo practice's first start: a year of supervision that has come full circle. */
class DemoPracticeBrowserTest extends BrowserTest {

    private static final Set<String> VERDICTS = Set.of("Improved at follow-up", "Unchanged at follow-up", "Worse at follow-up");

    @Autowired JdbcClient jdbc;
    @Autowired PracticeClock clock;

    /** Every verdict the follow-ups grid shows, scrolling it from the newest follow-up to the oldest. */
    private Set<String> verdictsIn(WebElement grid) {
        var script = (JavascriptExecutor) browser().driver();
        var rows = ((Number) script.executeScript("return arguments[0].size", grid)).intValue();
        var seen = new HashSet<String>();
        for (var index = 0; index < rows && !seen.containsAll(VERDICTS); index += 4) {
            script.executeScript("arguments[0].scrollToIndex(arguments[1])", grid, index);
            var shown = index;
            browser().waitFor(driver -> grid.getText().contains(" at follow-up") || shown >= rows);
            VERDICTS.stream().filter(grid.getText()::contains).forEach(seen::add);
        }
        return seen;
    }

    @Test
    void follow_ups_show_cases_improved_unchanged_and_worse_and_what_works_rests_on_groups_of_five_or_more() {
        signInAs("supervisor1");
        browser().open("/follow-ups");
        var grid = browser().visible(By.id("follow-ups-grid"));
        browser().waitFor(driver -> grid.getText().contains(" at follow-up"));
        assertThat(verdictsIn(grid)).containsExactlyInAnyOrderElementsOf(VERDICTS);

        var works = browser().visible(By.id("what-works-grid"));
        browser().waitFor(driver -> !driver.findElements(By.cssSelector("#what-works-grid .what-works-cell")).isEmpty());
        var results = browser().all(By.cssSelector("#what-works-grid .what-works-cell:not(.what-works-small)"));
        assertThat(results).as("groups of 5 or more cases").hasSizeGreaterThanOrEqualTo(3);
        assertThat(results.stream().map(cell -> cell.getText().lines().skip(1).findFirst().orElse("")).distinct())
                .as("shares of those groups").hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser().visible(By.id("what-works-base-rate")).getText()).startsWith("Base rate for comparison: of the");
        ((JavascriptExecutor) browser().driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})", works);
        browser().screenshot("demo-what-works-supervisor1");
    }

    @Test
    void a_case_page_draws_the_expected_course_for_cases_that_started_like_it_and_the_status_over_time() {
        var caseId = jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = 'therapist1' AND c.closed_on IS NULL AND c.primary_measure = 'PHQ-9'
                  AND (SELECT sc.score FROM therapy_session s JOIN session_score sc ON sc.session_id = s.id
                       WHERE s.case_id = c.id AND sc.measure_code = 'PHQ-9' ORDER BY s.session_date LIMIT 1) BETWEEN 14 AND 20
                ORDER BY c.id LIMIT 1""").query(Long.class).single();
        signInAs("therapist1");
        browser().open("/cases/" + caseId);
        browser().visible(By.cssSelector("#primary-chart polygon.expected-band"));
        assertThat(browser().all(By.id("expected-course"))).as("no note that the course cannot be drawn").isEmpty();
        assertThat(browser().all(By.cssSelector("#status-strip rect"))).isNotEmpty();
        browser().screenshot("demo-case-expected-course");
    }

    @Test
    void the_meetings_list_holds_past_meetings_with_their_minutes_and_the_next_one_planned() {
        var today = LocalDate.now(clock);
        var past = jdbc.sql("""
                SELECT m.meeting_date FROM review_meeting m JOIN user_account u ON u.id = m.supervisor_id
                WHERE u.username = 'supervisor1' AND m.meeting_date < :today
                  AND EXISTS (SELECT 1 FROM decision d WHERE d.meeting_id = m.id)
                ORDER BY m.meeting_date DESC""").param("today", today).query(LocalDate.class).list();
        var planned = jdbc.sql("""
                SELECT count(*) FROM review_meeting m JOIN user_account u ON u.id = m.supervisor_id
                WHERE u.username = 'supervisor1' AND m.meeting_date > :today""").param("today", today)
                .query(Integer.class).single();
        assertThat(past).hasSizeGreaterThanOrEqualTo(3);
        assertThat(planned).isPositive();

        signInAs("supervisor1");
        browser().open("/meetings");
        var grid = browser().visible(By.id("meetings-grid"));
        var longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.ENGLISH);
        browser().waitFor(driver -> grid.getText().contains(past.getFirst().format(longDate)));
        assertThat(grid.getText()).contains(past.get(1).format(longDate), past.get(2).format(longDate));
        browser().screenshot("demo-meetings-supervisor1");

        assertThat(grid.getText()).as("each meeting shows its time and place").contains("14:00", "Supervision room, first floor");
        browser().click(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + past.getFirst().format(longDate)
                + " · 14:00']"));
        browser().waitFor(driver -> driver.getCurrentUrl().matches(".*/meetings/\\d+$"));
        assertThat(browser().visible(By.id("meeting-minutes")).getText()).containsAnyOf("Continue with plan", "Change approach",
                "Refer to", "Change session frequency", "Planned ending");
        assertThat(browser().visible(By.id("meeting-minutes")).getText()).as("each minute names its client")
                .containsPattern("C-\\d{4}: ");
        browser().screenshot("demo-meeting-minutes");
    }
}
