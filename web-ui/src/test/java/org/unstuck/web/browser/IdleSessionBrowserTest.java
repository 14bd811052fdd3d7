package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.unstuck.web.TestSessions;

/**
 * Idle logoff: a browser left open sends heartbeats and nothing else; once the idle time has
 * passed the sign-in ends, and the session's cookie opens nothing. The idle time is cut to
 * seconds for this one session.
 */
class IdleSessionBrowserTest extends BrowserTest {

    private static final int IDLE_SECONDS = 4;

    @Autowired TestSessions sessions;

    @Test
    void a_session_kept_alive_only_by_heartbeats_ends_after_the_idle_time() {
        signInAs("therapist3");
        var signedIn = browser().driver().manage().getCookieNamed("JSESSIONID").getValue();
        sessions.idleTime(signedIn, IDLE_SECONDS);

        browser().waitFor(driver -> sessions.ended(signedIn));

        browser().driver().manage().deleteCookieNamed("JSESSIONID");
        browser().driver().manage().addCookie(new Cookie("JSESSIONID", signedIn, "/"));
        browser().open("/caseload");
        browser().waitFor(ExpectedConditions.urlContains("/login"));
        assertThat(browser().all(By.id("main-nav"))).isEmpty();
    }
}
