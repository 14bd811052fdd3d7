package org.unstuck.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium, against the application on localhost. Uses the machine's
 * Chromium and chromedriver ({@code CHROME_BIN} and {@code CHROMEDRIVER} override where they are).
 */
final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;

    Browser(int port) {
        var chromium = locate("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        var chromedriver = locate("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        var options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + temporaryProfile());
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        baseUrl = "http://localhost:" + port;
    }

    private static Path locate(String variable, String... candidates) {
        var configured = Optional.ofNullable(System.getenv(variable)).map(Path::of);
        return configured.or(() -> Arrays.stream(candidates).map(Path::of).filter(Files::isExecutable).findFirst())
                .orElseThrow(() -> new IllegalStateException(
                        "Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver), "
                                + "or " + variable + " pointing at the executable"));
    }

    private static String temporaryProfile() {
        try {
            return Files.createTempDirectory("unstuck-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** Waits no longer than the given time, for what must happen sooner than most; the page may be redrawn meanwhile. */
    <T> T waitFor(Duration within, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, within).ignoring(StaleElementReferenceException.class).until(condition);
    }

    WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** What the pages wrote to the browser's console since the last call. */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    void signIn(String username, String password) {
        visible(By.cssSelector("#vaadinLoginUsername input")).sendKeys(username);
        visible(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password);
        visible(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
    }

    void type(By field, String text) {
        var input = visible(field);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    /** Scrolls the element into the middle of its scrolling container first, as a person would. */
    void click(By locator) {
        // The page may be redrawn between finding and clicking: find it again until the click lands.
        wait.ignoring(StaleElementReferenceException.class).until(current -> {
            var element = current.findElement(locator);
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            var png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
