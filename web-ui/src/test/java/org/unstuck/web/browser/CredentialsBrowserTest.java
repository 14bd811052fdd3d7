package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;
import org.unstuck.persistence.practice.JdbcSecondFactors;
import org.unstuck.web.credential.LapsedTherapist;

/** The practice manager puts a lapsed licence right, and the therapist can take cases again. */
class CredentialsBrowserTest extends BrowserTest {

    @Autowired UserAccounts accounts;
    @Autowired Credentials credentials;
    @Autowired PasswordEncoder passwords;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcSecondFactors secondFactors;

    @Test
    void the_manager_renews_and_verifies_an_expired_licence_and_the_therapist_opens_a_case() throws Exception {
        var lapsed = LapsedTherapist.create(accounts, credentials, passwords.encode(LapsedTherapist.PASSWORD));
        secondFactors.exempt(accounts.findByUsername(new Username(lapsed.username())).orElseThrow().id(), "a browser test's login");
        signInAs("manager");
        assertThat(browser().visible(By.id("credentials-attention")).getText()).contains("need attention");
        browser().click(By.cssSelector("#main-nav vaadin-side-nav-item[path='credentials']"));
        browser().click(By.cssSelector("#compliance-filter input"));
        browser().visible(By.xpath("//vaadin-combo-box-item[normalize-space(.)='Expired']")).click();
        var grid = browser().visible(By.id("credentials-grid"));
        browser().waitFor(driver -> grid.getText().contains(lapsed.displayName()));
        browser().screenshot("credentials-board-expired");
        assertThat(downloadedPdf(By.id("download-compliance-pdf")))
                .contains("Credential compliance report", lapsed.displayName(), "Expired");

        browser().click(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + lapsed.displayName() + "']"));
        browser().waitFor(ExpectedConditions.urlContains("/credentials/" + lapsed.username()));
        assertThat(browser().visible(By.id("may-take-cases")).getText()).contains("No new case");
        var licenceId = jdbc.sql("""
                SELECT c.id FROM credential c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = :username AND c.credential_type = 'LICENCE'""")
                .param("username", lapsed.username()).query(Long.class).single();
        browser().click(By.id("renew-" + licenceId));
        browser().type(By.cssSelector("#renew-until input"),
                LocalDate.now().plusYears(2).format(DateTimeFormatter.ofPattern("M/d/yyyy")) + "\n");
        browser().click(By.id("save-renewal"));
        browser().waitFor(driver -> driver.findElements(By.id("save-renewal")).isEmpty()
                && driver.findElement(By.id("may-take-cases")).getText().contains("are in force"));

        var renewedId = jdbc.sql("""
                SELECT max(c.id) FROM credential c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = :username AND c.credential_type = 'LICENCE'""")
                .param("username", lapsed.username()).query(Long.class).single();
        browser().click(By.id("verify-" + renewedId));
        browser().type(By.cssSelector("#verify-evidence input"), "HCPC register lookup");
        browser().click(By.id("save-verification"));
        browser().waitFor(driver -> driver.findElement(By.id("credential-list")).getText().contains("HCPC register lookup"));
        assertThat(browser().visible(By.id("compliance-summary")).getText()).contains("Valid · Licence");
        browser().screenshot("therapist-credentials-renewed");

        browser().open("/cases/1");
        assertThat(browser().visible(By.id("not-found")).getText()).contains("Not found");
        forgetSession();

        signInAs(lapsed.username(), LapsedTherapist.PASSWORD);
        browser().open("/caseload");
        browser().click(By.id("open-case"));
        browser().type(By.cssSelector("#client-code input"), "C-8201");
        browser().type(By.cssSelector("#presenting-problem input"), "Social anxiety");
        browser().type(By.cssSelector("#approach input"), "CBT");
        browser().type(By.cssSelector("#primary-measure input"), "GAD-7");
        browser().visible(By.cssSelector("vaadin-combo-box-item")).click();
        browser().click(By.id("save-case"));
        browser().waitFor(driver -> driver.getCurrentUrl().matches(".*/cases/\\d+$"));
        assertThat(browser().visible(By.cssSelector(".case-view h2")).getText()).isEqualTo("Case C-8201");
    }
}
