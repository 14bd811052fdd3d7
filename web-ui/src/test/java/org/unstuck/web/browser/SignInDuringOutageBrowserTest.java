package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signing in while the database is away says that it cannot be checked, not that the password was wrong. */
class SignInDuringOutageBrowserTest extends BrowserTest {

    @Autowired HikariDataSource pool;
    @Autowired JdbcClient jdbc;
    @Value("${unstuck.test.database.admin-username}") String adminUsername;
    @Value("${unstuck.test.database.admin-password}") String adminPassword;

    @Test
    void a_sign_in_while_the_database_is_away_is_told_so_within_seconds_and_works_once_it_is_back() throws Exception {
        var database = jdbc.sql("SELECT current_database()").query(String.class).single();
        browser().open("/login");
        try (var admin = DriverManager.getConnection(pool.getJdbcUrl().replace("/" + database, "/postgres"), adminUsername,
                adminPassword); var statement = admin.createStatement()) {
            try {
                statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                pool.getHikariPoolMXBean().softEvictConnections();

                browser().signIn("therapist1", DEMO_PASSWORD);

                browser().waitFor(ExpectedConditions.urlContains("/login?error"));
                var form = browser().visible(By.tagName("vaadin-login-form"));
                var script = (JavascriptExecutor) browser().driver();
                browser().waitFor(driver -> Boolean.TRUE.equals(script.executeScript("return arguments[0].error", form)));
                assertThat(script.executeScript("return arguments[0].i18n.errorMessage.title", form))
                        .isEqualTo("Sign-in cannot be checked just now");
                browser().screenshot("sign-in-database-away");
            } finally {
                statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }
        }
        // The pool takes its connections again in its own time after the database returns; sign in once it has.
        browser().waitFor(driver -> {
            try {
                return jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
            } catch (DataAccessException stillAway) {
                return false;
            }
        });
        browser().driver().manage().deleteAllCookies();
        signInAs("therapist1");
        assertThat(browser().visible(By.id("home-therapist")).getText()).contains("Cases needing attention");
    }
}
