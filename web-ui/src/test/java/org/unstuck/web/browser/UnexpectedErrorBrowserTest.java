package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.unstuck.web.shell.FailingView;

/** A screen that fails shows a reference and a plain sentence, never the exception's text. */
class UnexpectedErrorBrowserTest extends BrowserTest {

    @Test
    void a_failing_screen_shows_a_reference_and_no_exception_text() {
        signInAs("therapist1");
        browser().open("/test-failure");

        var shown = browser().visible(By.id("unexpected-error")).getText();

        assertThat(shown).contains("Something went wrong", "nothing was changed").containsPattern("reference [0-9A-F]{8}")
                .doesNotContain(FailingView.SECRET, "IllegalStateException", "Exception");
        assertThat(browser().driver().getPageSource()).doesNotContain(FailingView.SECRET);
        browser().screenshot("unexpected-error");
    }
}
