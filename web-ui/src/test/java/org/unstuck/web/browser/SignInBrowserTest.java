package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A person signs in with a real browser, sees only their own screens, and signs out. */
class SignInBrowserTest extends BrowserTest {

    private static final String PASSWORD = "demo-password";

    /** The navigation a 1280-pixel window shows; the narrow screen's own item stays hidden. */
    private List<String> navigationItems() {
        browser().visible(By.id("main-nav"));
        return browser().all(By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
    }

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource(delimiter = ';', value = {
            "therapist1;  Home|My caseload|My credentials",
            "therapist3;  Home|My caseload|My credentials",
            "supervisor1; Home|My caseload|My credentials|Review board|Review meetings|Follow-ups and what works|My team|Reports",
            "supervisor2; Home|My caseload|My credentials|Review board|Review meetings|Follow-ups and what works|My team|Reports",
            "manager;     Home|Credentials|Therapists|Reports|Approvals|Import sessions|Credential policy",
            "admin;       Home|Users and roles|Approvals|Practice settings|Scheduled jobs|Audit trail|Import sessions|Credential policy"})
    void each_demo_login_sees_only_its_own_navigation(String username, String expected) {
        browser().open("/login");
        browser().signIn(username, PASSWORD);

        assertThat(navigationItems()).containsExactly(expected.split("\\|"));
        assertThat(browser().visible(By.className("signed-in-as")).getText()).startsWith("Signed in as ");
        browser().screenshot("home-" + username);

        signOut();
    }

    @Test
    void a_screen_outside_the_role_is_not_shown_even_by_typing_its_address() {
        browser().open("/login");
        browser().signIn("therapist1", PASSWORD);
        navigationItems();

        browser().open("/admin/users");

        assertThat(browser().visible(By.id("not-found")).getText()).contains("Not found");
        assertThat(browser().all(By.id("users-grid"))).isEmpty();
        assertThat(browser().driver().getPageSource()).doesNotContain("Chris Bell");
    }

    @Test
    void a_wrong_password_shows_an_error_and_grants_nothing() {
        browser().open("/login");
        browser().signIn("supervisor1", "not-the-password");

        browser().waitFor(ExpectedConditions.urlContains("/login?error"));
        browser().waitFor(driver -> driver.findElement(By.tagName("vaadin-login-form")).getAttribute("error") != null
                && driver.findElement(By.tagName("vaadin-login-form")).getText().contains("Wrong username or password"));
        assertThat(browser().visible(By.tagName("vaadin-login-form")).getText()).contains("Wrong username or password");
        browser().screenshot("login-error");

        browser().open("/team");
        browser().waitFor(ExpectedConditions.urlContains("/login"));
        assertThat(browser().all(By.id("main-nav"))).isEmpty();
    }

    @Test
    void a_deep_link_leads_to_the_login_and_then_to_where_it_pointed() {
        browser().open("/team");
        browser().waitFor(ExpectedConditions.urlContains("/login"));

        browser().signIn("supervisor1", PASSWORD);

        browser().waitFor(ExpectedConditions.urlMatches("/team(\\?continue)?$"));
        var team = browser().visible(By.id("team-grid"));
        browser().waitFor(driver -> team.getText().contains("Sam Okafor"));
        assertThat(team.getText()).contains("Alex Morgan", "Sam Okafor", "Jordan Reyes").doesNotContain("Nina Berg");
        browser().screenshot("team-supervisor1");
    }
}
