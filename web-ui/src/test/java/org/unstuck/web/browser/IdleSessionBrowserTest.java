package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.unstuck.db.TestDatabaseInitializer;

/**
 * Idle logoff: a browser left open sends heartbeats and nothing else; once the idle time has
 * passed the session ends, and its cookie opens nothing. The idle time is cut to seconds here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"unstuck.demo.enabled=true", "vaadin.heartbeatInterval=1"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(IdleSessionBrowserTest.ShortSessions.class)
class IdleSessionBrowserTest {

    private static final int IDLE_SECONDS = 4;
    private static final Set<String> ENDED = ConcurrentHashMap.newKeySet();

    @TestConfiguration
    static class ShortSessions {

        @Bean
        HttpSessionListener shortIdleTime() {
            return new HttpSessionListener() {
                @Override
                public void sessionCreated(HttpSessionEvent event) {
                    event.getSession().setMaxInactiveInterval(IDLE_SECONDS);
                }

                @Override
                public void sessionDestroyed(HttpSessionEvent event) {
                    ENDED.add(event.getSession().getId());
                }
            };
        }
    }

    @LocalServerPort int port;

    @Test
    void a_session_kept_alive_only_by_heartbeats_ends_after_the_idle_time() {
        try (var browser = new Browser(port)) {
            browser.open("/login");
            browser.signIn("therapist3", BrowserTest.DEMO_PASSWORD);
            browser.visible(By.id("main-nav"));
            var signedIn = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();

            browser.waitFor(driver -> ENDED.contains(signedIn));

            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            browser.driver().manage().addCookie(new Cookie("JSESSIONID", signedIn, "/"));
            browser.open("/caseload");
            browser.waitFor(ExpectedConditions.urlContains("/login"));
            assertThat(browser.all(By.id("main-nav"))).isEmpty();
        }
    }
}
