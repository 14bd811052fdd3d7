package org.unstuck.web.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unstuck.web.UnstuckAppTest;

/** One headless Chromium per test class, against the application on a random port; each test starts signed out. */
@UnstuckAppTest
abstract class BrowserTest {

    static final String DEMO_PASSWORD = "demo-password";

    private static Browser browser;

    @LocalServerPort int port;

    Browser browser() {
        if (browser == null) {
            browser = new Browser(port);
        }
        return browser;
    }

    void signInAs(String username) {
        signInAs(username, DEMO_PASSWORD);
    }

    void signInAs(String username, String password) {
        browser().open("/login");
        browser().signIn(username, password);
        browser().visible(By.id("main-nav"));
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
}
