package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The follow-up and settings screens render their data for the roles that use them. */
class MoreScreensBrowserTest extends BrowserTest {

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
