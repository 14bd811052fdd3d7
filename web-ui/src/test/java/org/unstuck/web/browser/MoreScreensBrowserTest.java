package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unstuck.web.UnstuckAppTest;

/** The follow-up and settings screens render their data for the roles that use them. */
@UnstuckAppTest
class MoreScreensBrowserTest {

    private static Browser browser;

    @LocalServerPort int port;

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

    @Test
    void a_supervisor_reads_follow_ups_and_what_works() {
        signInAs("supervisor1");
        browser().open("/follow-ups");
        var page = browser().visible(By.id("follow-ups-view"));
        assertThat(page.getText()).contains("Follow-ups", "What works");
        browser().screenshot("follow-ups-supervisor1");
    }

    @Test
    void the_admin_sees_thresholds_with_their_defaults_and_the_measures_with_their_sources() {
        signInAs("admin");
        browser().open("/admin/settings");
        var page = browser().visible(By.id("settings-view"));
        browser().waitFor(driver -> driver.findElement(By.id("measures-grid")).getText().contains("PHQ-9"));
        assertThat(page.getText()).contains("Published default: 6");
        assertThat(browser().visible(By.id("measures-grid")).getText())
                .contains("NHS Talking Therapies manual", "default, check your service's manual");
        browser().screenshot("settings-admin");
    }
}
