package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone signed in who opens a screen while the database is away is told so within seconds, under a
 * header that still names them, and carries on without signing in again once it is back.
 */
class NavigationDuringOutageBrowserTest extends BrowserTest {

    /** One read of the database, given up after the pool's three seconds, and the page around it. */
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final String UNAVAILABLE = "The database cannot be reached";

    @Autowired HikariDataSource pool;
    @Autowired JdbcClient jdbc;
    @Value("${unstuck.test.database.admin-username}") String adminUsername;
    @Value("${unstuck.test.database.admin-password}") String adminPassword;

    private String unavailableMessage(WebDriver driver, String notThisOne) {
        var shown = driver.findElements(By.id("unexpected-error")).stream()
                .map(error -> error.getText()).filter(text -> text.contains(UNAVAILABLE) && !text.equals(notThisOne))
                .findFirst();
        return shown.orElse(null);
    }

    @Test
    void a_screen_opened_while_the_database_is_away_says_so_within_seconds_and_opens_once_it_is_back() throws Exception {
        var database = jdbc.sql("SELECT current_database()").query(String.class).single();
        var name = jdbc.sql("SELECT display_name FROM user_account WHERE username = 'manager'").query(String.class).single();
        signInAs("manager");
        try (var admin = DriverManager.getConnection(pool.getJdbcUrl().replace("/" + database, "/postgres"), adminUsername,
                adminPassword); var statement = admin.createStatement()) {
            try {
                statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                pool.getHikariPoolMXBean().softEvictConnections();

                // A whole page load, which starts the frame afresh, without waiting for the page as open() would.
                ((JavascriptExecutor) browser().driver()).executeScript("location.assign(arguments[0])", "/therapists");
                var loaded = browser().waitFor(WITHIN, driver -> unavailableMessage(driver, ""));
                assertThat(loaded).containsPattern("administrator is [0-9A-F]{8}").doesNotContain("Exception", "SQL");
                assertThat(browser().visible(By.className("signed-in-as")).getText()).isEqualTo("Signed in as " + name);
                assertThat(browser().visible(By.id("bell")).isDisplayed()).isTrue();
                assertThat(browser().all(By.id("bell-count"))).noneMatch(count -> count.isDisplayed());
                browser().screenshot("database-away-page-load");

                browser().click(By.cssSelector("#main-nav vaadin-side-nav-item[path='credentials']"));
                var navigated = browser().waitFor(WITHIN, driver -> unavailableMessage(driver, loaded));
                assertThat(navigated).containsPattern("administrator is [0-9A-F]{8}").doesNotContain("Exception", "SQL");
                assertThat(browser().path()).startsWith("/credentials");
                assertThat(browser().visible(By.className("signed-in-as")).getText()).isEqualTo("Signed in as " + name);
                browser().screenshot("database-away-navigation");
            } finally {
                statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }
        }

        browser().click(By.cssSelector("#main-nav vaadin-side-nav-item[path='therapists']"));
        browser().visible(By.id("therapists-grid"));
        assertThat(browser().all(By.id("unexpected-error"))).isEmpty();
        browser().open("/credentials");
        browser().visible(By.id("credentials-board"));
        assertThat(browser().path()).startsWith("/credentials");
    }
}
