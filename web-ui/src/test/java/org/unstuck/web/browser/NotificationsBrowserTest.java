package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bell shows how many notifications are unread, and the count falls as they are read. */
class NotificationsBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;

    private int unreadOf(String username) {
        return jdbc.sql("""
                SELECT count(*) FROM notification n JOIN user_account u ON u.id = n.recipient_id
                WHERE u.username = :username AND n.read_at IS NULL""").param("username", username).query(Integer.class).single();
    }

    @Test
    void the_manager_reads_the_demos_credential_reminder_and_the_bell_count_falls() {
        var unread = unreadOf("manager");
        assertThat(unread).as("the demo tells the manager that Sam Okafor's insurance ends within 30 days").isPositive();
        signInAs("manager");
        assertThat(browser().visible(By.id("bell-count")).getText()).isEqualTo(String.valueOf(unread));

        browser().click(By.id("bell"));
        var list = browser().visible(By.id("notifications"));
        assertThat(list.getText()).contains("Insurance of Sam Okafor ends on", "within 30 days");
        browser().screenshot("notifications-manager");
        browser().click(By.cssSelector("[id^='mark-read-']"));

        browser().waitFor(driver -> unreadOf("manager") == unread - 1);
        if (unread == 1) {
            browser().waitFor(driver -> !driver.findElement(By.id("bell-count")).isDisplayed());
        } else {
            browser().waitFor(driver -> driver.findElement(By.id("bell-count")).getText().equals(String.valueOf(unread - 1)));
        }
    }
}
