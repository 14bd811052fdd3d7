package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A therapist finds the demo's fresh risk alert on top of their home, opens the case and answers it. */
class RiskAlertBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void the_therapist_opens_the_risk_alert_from_the_home_and_records_that_the_risk_was_reviewed() {
        signInAs("therapist1");
        var first = browser().visible(By.cssSelector("#home-flagged li"));
        assertThat(first.getText()).as("the risk alert comes first").startsWith("Risk alert").contains("PHQ-9 item 9");
        browser().click(By.cssSelector("#home-flagged li a.home-client"));
        browser().waitFor(driver -> browser().path().contains("cases/"));
        var caseId = Long.parseLong(browser().path().replaceAll("\\D+", ""));

        assertThat(browser().visible(By.id("risk-alert")).getText()).contains("Risk alert: review the client's safety today",
                "PHQ-9 item 9 (thoughts of being better off dead or of self-harm) scored 2");
        browser().screenshot("case-risk-alert");
        browser().click(By.id("answer-risk"));
        browser().click(By.xpath("//vaadin-radio-group[@id='risk-answer-type']//vaadin-radio-button"
                + "[starts-with(normalize-space(.), 'Risk reviewed')]"));
        browser().type(By.cssSelector("#risk-answer-rationale textarea"),
                "Called the client the same afternoon: passive thoughts, no plan or intent; safety plan agreed with her GP.");
        browser().screenshot("case-risk-answer");
        browser().click(By.id("save-risk-answer"));

        assertThat(browser().visible(By.tagName("vaadin-notification-card")).getText()).contains("risk alert", "is answered");
        browser().waitFor(driver -> browser().all(By.id("risk-alert")).isEmpty());
        assertThat(jdbc.sql("""
                SELECT count(*) FROM risk_alert a WHERE a.case_id = :id
                AND NOT EXISTS (SELECT 1 FROM risk_alert_answer r WHERE r.alert_id = a.id)""")
                .param("id", caseId).query(Integer.class).single()).isZero();
        assertThat(browser().visible(By.id("case-decisions")).getText()).contains("Risk reviewed");
    }
}
