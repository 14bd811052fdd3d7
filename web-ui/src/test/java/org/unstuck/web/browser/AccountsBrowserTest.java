package org.unstuck.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;
import org.unstuck.persistence.practice.JdbcSecondFactors;
import org.unstuck.web.practice.AccountChanges;
import org.unstuck.web.practice.SecondPerson;
import org.unstuck.web.security.AuthenticatorApp;

/**
 * The admin keeps the practice's accounts from the screens, the practice manager approves what
 * opens clinical records, and a disabled person's session ends at once.
 */
class AccountsBrowserTest extends BrowserTest {

    private static final String PREFIX = "e2e.";

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired PasswordEncoder passwords;
    @Autowired Cases cases;
    @Autowired AccountChanges changes;
    @Autowired UserDetailsService users;
    @Autowired JdbcSecondFactors secondFactors;
    @Autowired Clock clock;

    /** supervisor2's team is asserted elsewhere: it goes back to what the demo practice seeded. */
    @AfterEach
    void endTestPairings() {
        jdbc.sql("DELETE FROM supervision_pair WHERE therapist_id IN (SELECT id FROM user_account WHERE username LIKE :prefix)")
                .param("prefix", PREFIX + "%").update();
    }

    private static String unique(String name) {
        return PREFIX + name + "." + System.nanoTime() % 1_000_000;
    }

    private String sessionCookie() {
        return browser().driver().manage().getCookieNamed("JSESSIONID").getValue();
    }

    private void replay(String session) {
        browser().driver().manage().deleteAllCookies();
        browser().driver().manage().addCookie(new Cookie("JSESSIONID", session, "/"));
    }

    private void tick(String group, String labelStart) {
        browser().click(By.xpath("//vaadin-checkbox-group[@id='" + group + "']/vaadin-checkbox[starts-with(normalize-space(.), '"
                + labelStart + "')]//label"));
    }

    /** Dialogs fade in; a screenshot waits until no finite animation is running, in shadow trees too. */
    private void settled() {
        browser().waitFor(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript("""
                return document.getAnimations().filter(animation => animation.playState === 'running'
                        && animation.effect.getTiming().iterations !== Infinity).length === 0;"""));
    }

    private void managerApproves(String username) {
        SecondPerson.managerApproves(changes, users, username);
    }

    /** Signs in with the password alone, as a demo login does; the second factor is tested with Nora Quinn. */
    private void exempt(UserAccount account) {
        secondFactors.exempt(account.id(), "a browser test's login");
    }

    private void notified(String text) {
        browser().waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-notification-card"), text));
    }

    @Test
    void the_admin_asks_for_a_therapist_the_manager_approves_and_the_therapist_sets_up_a_second_factor_and_a_password_first()
            throws Exception {
        var newcomer = unique("nora");
        var first = "first day at the practice";
        signInAs("admin");
        browser().open("/admin/users");
        browser().visible(By.id("users-grid"));
        browser().screenshot("users-screen");

        browser().click(By.id("add-user"));
        browser().type(By.cssSelector("#new-username input"), newcomer);
        browser().type(By.cssSelector("#display-name input"), "Nora Quinn");
        tick("roles", "Therapist:");
        browser().type(By.cssSelector("#new-password input"), "too short");
        browser().type(By.cssSelector("#repeat-password input"), "too short");
        browser().click(By.id("save-user"));
        browser().visible(By.cssSelector("#new-password[invalid]"));
        assertThat(browser().visible(By.id("new-password")).getText())
                .contains("A password has 12 to 128 characters; this one has 9.");
        settled();
        browser().screenshot("users-add-dialog-refused");
        assertThat(accounts.findByUsername(new Username(newcomer))).isEmpty();

        browser().type(By.cssSelector("#new-password input"), first);
        browser().type(By.cssSelector("#repeat-password input"), first);
        browser().click(By.id("save-user"));
        notified(newcomer + " is asked for: the account is made once another admin or the practice manager approves it");
        assertThat(accounts.findByUsername(new Username(newcomer))).isEmpty();
        browser().click(By.cssSelector("#main-nav vaadin-side-nav-item[path='approvals']"));
        var mine = browser().visible(By.id("pending-changes"));
        assertThat(mine.getText()).contains("Add Nora Quinn (" + newcomer + ") as therapist", "Asked by Chris Bell (admin)",
                "You asked for this; another admin or the practice manager approves it.");
        assertThat(browser().all(By.cssSelector("[id^='approve-']"))).isEmpty();
        browser().screenshot("approvals-asked-by-me");
        signOut();

        signInAs("manager");
        browser().click(By.cssSelector("#main-nav vaadin-side-nav-item[path='approvals']"));
        var request = browser().visible(By.xpath("//*[@id='pending-changes']//li[contains(., '(" + newcomer + ")')]"));
        browser().screenshot("approvals-manager");
        request.findElement(By.cssSelector("[id^='approve-']")).click();
        notified("Approved: Add Nora Quinn (" + newcomer + ") as therapist. The change is made.");
        browser().waitFor(driver -> driver.findElement(By.id("decided-changes")).getText()
                .contains("approved by Priya Shah (manager)"));
        browser().screenshot("approvals-approved");
        signOut();

        signInAs("admin");
        browser().open("/admin/users");
        browser().visible(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + newcomer + "']"));

        browser().click(By.id("supervisees-supervisor2"));
        tick("supervisees", "Nora Quinn");
        settled();
        browser().screenshot("users-supervisees-dialog");
        browser().click(By.id("save-supervisees"));
        notified("Saved. One new pairing for Dr Daniel Costa waits for another admin or the practice manager");
        managerApproves(newcomer);
        assertThat(jdbc.sql("""
                SELECT s.username FROM supervision_pair p JOIN user_account s ON s.id = p.supervisor_id
                JOIN user_account t ON t.id = p.therapist_id WHERE t.username = :newcomer""")
                .param("newcomer", newcomer).query(String.class).list()).containsExactly("supervisor2");

        browser().click(By.id("edit-" + newcomer));
        browser().visible(By.id("disable-user"));
        settled();
        browser().screenshot("users-edit-dialog");
        browser().click(By.xpath("//vaadin-button[normalize-space(.)='Cancel']"));
        browser().click(By.id("password-" + newcomer));
        browser().visible(By.id("save-password"));
        settled();
        browser().screenshot("users-password-dialog");
        browser().click(By.xpath("//vaadin-button[normalize-space(.)='Cancel']"));
        signOut();

        var chosen = "my own words for a long time";
        browser().signIn(newcomer, first);
        browser().waitFor(ExpectedConditions.urlContains("/account/second-factor"));
        browser().open("/caseload");
        var secret = browser().visible(By.id("second-factor-secret")).getText();
        assertThat(browser().path()).as("no screen opens before the second factor").startsWith("/account/second-factor");
        assertThat(browser().all(By.id("main-nav"))).isEmpty();
        browser().visible(By.id("second-factor-qr"));
        browser().screenshot("second-factor-set-up");
        browser().type(By.cssSelector("#second-factor-code input"), "12345");
        browser().click(By.id("confirm-second-factor"));
        browser().waitFor(driver -> driver.findElement(By.id("second-factor-code")).getText()
                .contains("This is not the code your app shows now"));
        browser().type(By.cssSelector("#second-factor-code input"), AuthenticatorApp.code(secret, clock.instant()));
        browser().click(By.id("confirm-second-factor"));
        var recoveryCodes = browser().visible(By.id("recovery-codes")).getText().lines().toList();
        assertThat(recoveryCodes).hasSize(10).allMatch(recovery -> recovery.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        browser().screenshot("second-factor-recovery-codes");
        browser().click(By.id("recovery-codes-kept"));
        browser().waitFor(ExpectedConditions.urlContains("/account/password"));
        assertThat(browser().visible(By.id("password-intro")).getText())
                .startsWith("The password you signed in with was chosen by someone else");
        browser().screenshot("account-password-chosen-for-me");
        browser().open("/caseload");
        browser().waitFor(driver -> driver.findElement(By.id("password-intro")).isDisplayed());
        assertThat(browser().path()).as("nothing else opens first").startsWith("/account/password");
        assertThat(browser().all(By.id("caseload-grid"))).isEmpty();
        browser().type(By.cssSelector("#current-password input"), first);
        browser().type(By.cssSelector("#new-password input"), chosen);
        browser().type(By.cssSelector("#repeat-password input"), chosen);
        browser().click(By.id("save-password"));
        notified("Your own password is set.");
        browser().waitFor(driver -> !browser().path().startsWith("/account/password"));
        browser().open("/caseload");
        assertThat(browser().path()).startsWith("/caseload");
        signOut();

        browser().signIn(newcomer, first);
        browser().waitFor(ExpectedConditions.urlContains("/login?error"));
        browser().open("/login");
        browser().signIn(newcomer, chosen);
        browser().type(By.cssSelector("#second-factor-code input"), recoveryCodes.getFirst().toUpperCase());
        browser().screenshot("second-factor-code");
        var sessionBeforeTheCode = sessionCookie();
        browser().click(By.id("verify-second-factor"));
        assertThat(browser().visible(By.className("signed-in-as")).getText()).isEqualTo("Signed in as Nora Quinn");
        assertThat(sessionCookie()).as("the code renews the session id").isNotEqualTo(sessionBeforeTheCode);
        signOut();

        browser().signIn(newcomer, chosen);
        browser().type(By.cssSelector("#second-factor-code input"), recoveryCodes.getFirst());
        browser().click(By.id("verify-second-factor"));
        browser().waitFor(driver -> driver.findElement(By.id("second-factor-code")).getText()
                .contains("neither the code your app shows now nor an unused recovery code"));
        assertThat(jdbc.sql("SELECT action || ' ' || outcome FROM audit_event WHERE actor = :actor AND action LIKE '%second-factor%' "
                + "OR actor = :actor AND action = 'login.recovery-code' ORDER BY sequence").param("actor", newcomer)
                .query(String.class).list()).containsExactly("second-factor.set-up REFUSED", "second-factor.set-up ALLOWED",
                "login.recovery-code ALLOWED", "login.second-factor REFUSED");
    }

    @Test
    void the_admin_sees_a_caseload_nobody_supervises_and_assigns_it_a_supervisor_from_the_warning() {
        var username = unique("alone");
        var therapist = accounts.save(UserAccount.newAccount(new Username(username), "Ola Alone", passwords.encode("never used here"),
                Set.of(Role.THERAPIST)));
        for (int i = 0; i < 2; i++) {
            cases.save(new TherapyCase(null, 0, new ClientCode("AL-" + System.nanoTime() % 1_000_000), "Low mood",
                    new Approach("CBT"), MeasureCatalogue.PHQ_9, MeasureCatalogue.SRS, LocalDate.now().minusWeeks(3), null,
                    therapist.id(), List.of()));
        }
        signInAs("admin");
        browser().open("/admin/users");
        var warning = browser().visible(By.id("unsupervised-caseloads"));
        assertThat(warning.getText()).contains("Ola Alone (" + username + "): 2 open cases, no supervisor.")
                .doesNotContain("Alex Morgan", "Dr Ruth Lindqvist", "Dr Daniel Costa");
        browser().screenshot("users-unsupervised-warning");

        browser().click(By.id("assign-supervisor-" + username));
        browser().click(By.id("save-assign-supervisor"));
        browser().waitFor(driver -> driver.findElement(By.id("assign-supervisor")).getText()
                .contains("Choose who supervises Ola Alone."));
        browser().type(By.cssSelector("#assign-supervisor input"), "Daniel");
        browser().visible(By.xpath("//vaadin-combo-box-item[starts-with(normalize-space(.), 'Dr Daniel Costa')]")).click();
        settled();
        browser().screenshot("users-assign-supervisor");
        browser().click(By.id("save-assign-supervisor"));
        notified("Dr Daniel Costa supervising Ola Alone waits for another admin or the practice manager to approve it");
        managerApproves(username);
        assertThat(jdbc.sql("""
                SELECT s.username FROM supervision_pair p JOIN user_account s ON s.id = p.supervisor_id
                JOIN user_account t ON t.id = p.therapist_id WHERE t.username = :username""")
                .param("username", username).query(String.class).list()).containsExactly("supervisor2");
        browser().open("/admin/users");
        browser().visible(By.id("users-grid"));
        // A page with no caseload to warn about has no warning at all; Selenium reads no text from a hidden one.
        browser().waitFor(driver -> driver.findElements(By.id("unsupervised-caseloads")).stream()
                .noneMatch(shown -> shown.getText().contains("Ola Alone")));
    }

    @Test
    void a_disabled_person_is_signed_out_at_their_next_request_and_cannot_sign_in_again() {
        var username = unique("leaver");
        var password = "the last day of term";
        exempt(accounts.save(UserAccount.newAccount(new Username(username), "Lee Leaver", passwords.encode(password),
                Set.of(Role.THERAPIST))));
        signInAs(username, password);
        var leaversSession = sessionCookie();

        browser().driver().manage().deleteAllCookies();
        signInAs("admin");
        browser().open("/admin/users");
        browser().click(By.id("edit-" + username));
        browser().click(By.id("disable-user"));
        assertThat(browser().visible(By.id("confirm-disable-text")).getText()).isEqualTo("Lee Leaver (" + username + ") will no "
                + "longer be able to sign in, and every session they have open ends now. Their cases, notes and history stay "
                + "as they are; you can enable sign-in again later.");
        settled();
        browser().screenshot("users-disable-confirm");
        browser().click(By.id("cancel-disable-user"));
        browser().waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-disable-text")));
        assertThat(accounts.findByUsername(new Username(username)).orElseThrow().enabled()).isTrue();
        browser().click(By.id("disable-user"));
        browser().click(By.id("confirm-disable-user"));
        notified("Lee Leaver can no longer sign in and has been signed out everywhere.");
        browser().click(By.id("edit-" + username));
        assertThat(browser().visible(By.id("account-state")).getText()).isEqualTo(username + " is disabled and cannot sign in.");
        browser().visible(By.id("enable-user"));
        settled();
        browser().screenshot("users-edit-disabled");

        replay(leaversSession);
        browser().open("/caseload");
        browser().waitFor(ExpectedConditions.urlContains("/login"));
        assertThat(browser().all(By.id("main-nav"))).isEmpty();

        browser().signIn(username, password);
        browser().waitFor(ExpectedConditions.urlContains("/login?error"));
        assertThat(browser().all(By.id("main-nav"))).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'admin' AND action = 'user.disable' AND subject = :name")
                .param("name", username).query(Integer.class).single()).isOne();
    }

    @Test
    void a_new_password_from_the_admin_sends_the_persons_open_page_to_sign_in_and_only_the_new_one_works() {
        var username = unique("forgetful");
        var old = "a password long forgotten";
        var fresh = "given by the admin today";
        exempt(accounts.save(UserAccount.newAccount(new Username(username), "Fay Forgetful", passwords.encode(old),
                Set.of(Role.THERAPIST))));
        try (var theirs = new Browser(port)) {
            theirs.open("/login");
            theirs.signIn(username, old);
            theirs.visible(By.id("main-nav"));

            signInAs("admin");
            browser().open("/admin/users");
            browser().click(By.id("password-" + username));
            browser().type(By.cssSelector("#new-password input"), fresh);
            browser().type(By.cssSelector("#repeat-password input"), fresh);
            browser().click(By.id("save-password"));
            notified("The new password for Fay Forgetful waits for another admin or the practice manager to approve it");
            theirs.click(By.cssSelector("#main-nav vaadin-side-nav-item[path='caseload']"));
            theirs.waitFor(driver -> theirs.path().startsWith("/caseload"));
            managerApproves(username);

            theirs.click(By.cssSelector("#main-nav vaadin-side-nav-item[path='my-credentials']"));
            theirs.visible(By.id("vaadinLoginUsername"));
            assertThat(theirs.path()).startsWith("/login");
            theirs.signIn(username, old);
            theirs.waitFor(ExpectedConditions.urlContains("/login?error"));
            theirs.open("/login");
            theirs.signIn(username, fresh);
            theirs.waitFor(ExpectedConditions.urlContains("/account/password"));
        }
    }
}
