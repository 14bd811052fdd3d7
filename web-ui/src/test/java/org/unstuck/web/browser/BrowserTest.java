package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
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

    /** Signs out with the header's button and waits for the sign-in form, so no navigation is still under way. */
    void signOut() {
        browser().click(By.id("logout"));
        browser().waitFor(ExpectedConditions.urlContains("/login"));
        browser().visible(By.id("vaadinLoginUsername"));
    }

    /** Where downloads are kept after a run, to be looked at. */
    private static final Path DOWNLOADS = Path.of("target", "downloads");

    /** Fetches a download link as the signed-in browser would, with its session, and keeps a copy. */
    byte[] download(By link, String contentType) throws Exception {
        var href = browser().visible(link).getAttribute("href");
        var session = browser().driver().manage().getCookieNamed("JSESSIONID").getValue();
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith(contentType));
        Files.createDirectories(DOWNLOADS);
        var name = response.headers().firstValue("Content-Disposition").map(value -> value.replaceAll(".*filename=\"?([^\";]+).*", "$1"))
                .orElse("download").replaceAll("[^\\w.-]", "_");
        Files.write(DOWNLOADS.resolve(name), response.body());
        return response.body();
    }

    /** The text of a downloaded PDF. */
    String downloadedPdf(By link) throws Exception {
        try (var document = Loader.loadPDF(download(link, "application/pdf"))) {
            return new PDFTextStripper().getText(document);
        }
    }

    @AfterEach
    void forgetSession() {
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
