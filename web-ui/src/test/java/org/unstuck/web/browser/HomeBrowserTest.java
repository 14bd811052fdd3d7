package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each demo role lands on a home that answers "what needs me now" with the demo practice's own data. */
class HomeBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;

    private String card(String id) {
        return browser().visible(By.id(id)).getText();
    }

    @Test
    void a_therapist_lands_on_flagged_cases_a_waiting_referral_notes_owed_and_the_next_meeting() {
        signInAs("therapist1");

        assertThat(browser().path()).isIn("", "/");
        assertThat(browser().all(By.id("home-supervisor"))).isEmpty();
        assertThat(browser().all(By.cssSelector("#home-flagged .status-badge"))).isNotEmpty();
        assertThat(browser().all(By.cssSelector("#home-notes-owed li"))).isNotEmpty();
        assertThat(card("home-next-meeting")).contains("Held by Dr Ruth Lindqvist", "Your cases on its agenda:");
        browser().screenshot("home-therapist1");

        var firstCase = browser().visible(By.cssSelector("#home-flagged a.home-client"));
        var code = firstCase.getText();
        firstCase.click();
        browser().waitFor(driver -> browser().path().contains("cases/"));
        assertThat(browser().visible(By.tagName("h2")).getText()).contains(code);
    }

    @Test
    void the_colleague_a_case_is_referred_to_finds_the_referral_on_their_home() {
        var waiting = jdbc.sql("""
                SELECT t.username, f.display_name FROM referral r JOIN user_account f ON f.id = r.from_therapist
                JOIN user_account t ON t.id = r.to_therapist WHERE r.state = 'PROPOSED' ORDER BY r.id LIMIT 1""")
                .query((row, number) -> Map.entry(row.getString(1), row.getString(2))).optional();
        assertThat(waiting).as("the demo practice holds a referral waiting for its answer").isPresent();

        signInAs(waiting.get().getKey());

        assertThat(card("home-referrals")).contains("from " + waiting.get().getValue());
        browser().screenshot("home-referral-waiting");
    }

    @Test
    void a_therapist_whose_insurance_ends_soon_sees_it_on_the_home() {
        signInAs("therapist2");

        assertThat(card("home-credentials")).contains("Insurance ends on");
    }

    @Test
    void a_supervisor_lands_on_the_teams_new_flags_deteriorating_cases_follow_ups_and_next_meeting_then_their_own_cases() {
        signInAs("supervisor1");

        assertThat(browser().all(By.cssSelector("#home-risk .status-risk"))).as("the demo's risk alerts wait on top").isNotEmpty();
        assertThat(card("home-risk")).contains("Jordan Reyes", "Overdue: unanswered over 24 h");
        assertThat(browser().all(By.cssSelector("#home-deteriorating .status-deteriorating"))).isNotEmpty();
        assertThat(card("home-follow-ups")).contains("due");
        assertThat(card("home-next-meeting-held")).contains("cases on the agenda");
        assertThat(browser().all(By.cssSelector("#home-reasons a"))).isNotEmpty();
        assertThat(browser().visible(By.id("home-therapist")).getText()).contains("Cases needing attention");
        browser().screenshot("home-supervisor1");

        browser().click(By.id("home-open-meeting"));
        browser().waitFor(driver -> browser().path().contains("meetings/"));
    }

    @Test
    void the_practice_manager_lands_on_credentials_who_cannot_take_cases_approvals_and_caseload_counts() {
        signInAs("manager");

        assertThat(browser().visible(By.cssSelector("#home-cannot-take-cases li")).getText())
                .as("the longest-standing problem first").contains("Nina Berg", "Licence ended");
        assertThat(card("home-credentials-attention")).contains("Nina Berg");
        assertThat(card("home-approvals")).contains("Nina Berg", "asked by Chris Bell");
        assertThat(card("home-caseloads")).contains("Alex Morgan", "open,");
        assertThat(browser().all(By.id("home-therapist"))).isEmpty();
        assertThat(browser().all(By.id("home-supervisor"))).isEmpty();
        browser().screenshot("home-manager");

        browser().click(By.linkText("Nina Berg"));
        browser().waitFor(driver -> browser().path().endsWith("credentials/therapist4"));
    }

    @Test
    void the_admin_lands_on_jobs_the_audit_chain_sign_ins_and_the_accounts_without_a_second_factor() {
        signInAs("admin");

        assertThat(card("home-jobs")).contains("Nightly re-assessment");
        assertThat(card("audit-chain")).contains("Is the trail untouched?");
        assertThat(card("home-sign-ins-summary")).isNotBlank();
        assertThat(card("home-exempt")).contains("therapist1", "admin");
        assertThat(card("home-approvals")).contains("asked for", "for another admin or the practice manager");
        browser().screenshot("home-admin");

        browser().click(By.id("audit-chain-check"));
        browser().waitFor(driver -> browser().visible(By.id("audit-chain-status")).getText().contains("intact"));
    }
}
