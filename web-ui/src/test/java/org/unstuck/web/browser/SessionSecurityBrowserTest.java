package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;

/** Sessions as a browser sees them: renewed at sign-in, ended at sign-out, and guessing is slowed down. */
class SessionSecurityBrowserTest extends BrowserTest {

    @Autowired UserAccounts accounts;
    @Autowired PasswordEncoder passwords;
    @Autowired JdbcClient jdbc;

    private String sessionCookie() {
        var cookie = browser().driver().manage().getCookieNamed("JSESSIONID");
        return cookie == null ? "" : cookie.getValue();
    }

    @Test
    void signing_in_starts_a_new_session_and_the_old_one_grants_nothing() {
        browser().open("/login");
        browser().visible(By.id("vaadinLoginUsername"));
        var before = sessionCookie();
        assertThat(before).isNotEmpty();

        browser().signIn("therapist3", "demo-password");
        browser().visible(By.id("main-nav"));
        assertThat(sessionCookie()).isNotEqualTo(before);

        browser().driver().manage().deleteCookieNamed("JSESSIONID");
        browser().driver().manage().addCookie(new Cookie("JSESSIONID", before, "/"));
        browser().open("/caseload");
        browser().waitFor(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void after_signing_out_the_session_cookie_no_longer_opens_anything() {
        browser().open("/login");
        browser().signIn("therapist3", "demo-password");
        browser().visible(By.id("main-nav"));
        var signedIn = sessionCookie();

        signOut();
        browser().driver().manage().deleteCookieNamed("JSESSIONID");
        browser().driver().manage().addCookie(new Cookie("JSESSIONID", signedIn, "/"));
        browser().open("/caseload");
        browser().waitFor(ExpectedConditions.urlContains("/login"));
        assertThat(browser().all(By.id("main-nav"))).isEmpty();
    }

    @Test
    void five_wrong_passwords_lock_the_username_even_against_the_right_one_and_it_is_audited() {
        var username = "lockout." + System.nanoTime() % 1_000_000;
        accounts.save(UserAccount.newAccount(new Username(username), "Lockout Tester",
                passwords.encode("the-right-password"), Set.of(Role.THERAPIST)));
        for (int attempt = 0; attempt < 5; attempt++) {
            browser().open("/login");
            browser().signIn(username, "wrong-password-" + attempt);
            browser().waitFor(ExpectedConditions.urlContains("/login?error"));
        }
        browser().open("/login");
        browser().signIn(username, "the-right-password");
        browser().waitFor(ExpectedConditions.urlContains("/login?error"));
        assertThat(browser().all(By.id("main-nav"))).isEmpty();

        var audited = jdbc.sql("SELECT action FROM audit_event WHERE actor = :actor ORDER BY sequence")
                .param("actor", username).query(String.class).list();
        assertThat(audited).startsWith("login.failed", "login.failed", "login.failed", "login.failed", "login.failed",
                "login.locked");
        assertThat(audited).doesNotContain("login");
    }
}
