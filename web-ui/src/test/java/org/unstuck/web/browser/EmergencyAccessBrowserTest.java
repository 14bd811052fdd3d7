package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A supervisor reaches a colleague's client in a crisis through break-glass access, in a real browser. */
class EmergencyAccessBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void a_case_outside_the_team_opens_read_only_once_a_reason_is_stated() {
        var client = jdbc.sql("""
                SELECT c.id, cl.code FROM therapy_case c JOIN client cl ON cl.id = c.client_id
                JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = 'therapist2' AND c.closed_on IS NULL
                  AND NOT EXISTS (SELECT 1 FROM therapy_case later WHERE later.client_id = c.client_id AND later.id > c.id)
                ORDER BY c.id LIMIT 1""")
                .query((row, number) -> new Object[] {row.getLong(1), row.getString(2)}).single();
        signInAs("supervisor2");
        browser().open("/cases/" + client[0]);
        browser().visible(By.id("not-found"));
        browser().click(By.id("request-emergency-access"));
        browser().waitFor(ExpectedConditions.urlContains("/emergency-access"));

        browser().type(By.cssSelector("#emergency-client input"), (String) client[1]);
        browser().type(By.cssSelector("#emergency-reason textarea"), "Too short");
        browser().click(By.id("emergency-open"));
        browser().waitFor(driver -> driver.findElement(By.id("emergency-reason")).getAttribute("invalid") != null);
        browser().waitFor(driver -> driver.findElement(By.id("emergency-reason")).getText().contains("at least 20 characters"));
        browser().screenshot("emergency-access-refused");

        browser().type(By.cssSelector("#emergency-reason textarea"), "Client called in crisis while therapist2 is on leave.");
        browser().click(By.id("emergency-open"));
        browser().waitFor(ExpectedConditions.urlContains("/cases/" + client[0]));
        assertThat(browser().visible(By.id("emergency-banner")).getText())
                .contains("Emergency access, read only", "Client called in crisis while therapist2 is on leave.");
        assertThat(browser().all(By.id("record-session"))).isEmpty();
        assertThat(browser().all(By.id("record-decision"))).isEmpty();
        browser().screenshot("emergency-access-case");
    }
}
