package org.unstuck.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;
import org.unstuck.persistence.board.BoardFilter;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.caseload.CaseloadService;
import org.unstuck.web.common.InvalidEntryException;

/**
 * The password alone gives a clinician or an admin no role; the app's code, once, or a recovery
 * code, once, gives them theirs. The practice manager and the demo logins sign in with the password.
 */
@UnstuckAppTest
class SecondFactorTest {

    private static final String PASSWORD = "a long walk along the river";

    @Autowired AuthenticationProvider authentication;
    @Autowired SecondFactor secondFactor;
    @Autowired UserAccounts accounts;
    @Autowired PasswordEncoder passwords;
    @Autowired Clock clock;
    @Autowired CaseloadService caseload;
    @Autowired SecondFactorSeal seal;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String person(Role role) {
        var username = "factor." + role.name().toLowerCase() + "." + System.nanoTime() % 1_000_000;
        accounts.save(UserAccount.newAccount(new Username(username), "Factor Person", passwords.encode(PASSWORD), Set.of(role)));
        return username;
    }

    private Set<String> signInWithPassword(String username, String password) {
        var result = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        SecurityContextHolder.getContext().setAuthentication(result);
        return result.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    private String codeNow(String secret) throws Exception {
        return AuthenticatorApp.code(secret, clock.instant());
    }

    private String wrongCode(String secret) throws Exception {
        return AuthenticatorApp.wrongCode(secret, clock.instant());
    }

    private String refusal(Runnable step) {
        return catchThrowableOfType(InvalidEntryException.class, step::run).fieldErrors().get(SecondFactor.CODE);
    }

    @Test
    void a_therapists_password_alone_gives_no_role_and_the_code_gives_theirs_once() throws Exception {
        var username = person(Role.THERAPIST);
        assertThat(signInWithPassword(username, PASSWORD)).containsExactly(SecondFactor.PENDING);
        assertThat(secondFactor.setUp()).isFalse();
        assertThatThrownBy(() -> caseload.countMyCases(BoardFilter.everything(), false))
                .as("the password alone opens no service").isInstanceOf(AccessDeniedException.class);

        var offer = secondFactor.offer();
        assertThat(offer.link()).startsWith("otpauth://totp/Unstuck%3A" + username + "?secret=" + offer.secret());
        assertThat(offer.qrCodeSvg()).startsWith("<svg").contains("<path");
        var code = codeNow(offer.secret());
        var signedIn = secondFactor.confirm(offer.secret(), code);
        assertThat(signedIn.authentication().getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_THERAPIST");
        assertThat(signedIn.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();

        assertThat(signInWithPassword(username, PASSWORD)).containsExactly(SecondFactor.PENDING);
        assertThat(refusal(() -> secondFactor.verify(code)))
                .as("the code that set it up is spent").isEqualTo("This code was used already; wait for the next one your app shows.");
        assertThat(secondFactor.verify(signedIn.recoveryCodes().get(3)).authentication().getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_THERAPIST");
        assertThat(secondFactor.recoveryCodesLeft()).isEqualTo(9);

        signInWithPassword(username, PASSWORD);
        assertThat(refusal(() -> secondFactor.verify(signedIn.recoveryCodes().get(3)))).contains("nor an unused recovery code");
    }

    @Test
    void five_wrong_codes_make_the_account_wait_whichever_addresses_they_come_from() throws Exception {
        var username = person(Role.SUPERVISOR);
        signInWithPassword(username, PASSWORD);
        var offer = secondFactor.offer();
        secondFactor.confirm(offer.secret(), codeNow(offer.secret()));
        var wrong = wrongCode(offer.secret());
        try {
            for (var attempt = 0; attempt < SecondFactor.FREE_WRONG_CODES; attempt++) {
                from("10.0.0." + attempt);
                signInWithPassword(username, PASSWORD);
                assertThat(refusal(() -> secondFactor.verify(wrong))).contains("neither the code");
            }

            from("10.0.1.1");
            signInWithPassword(username, PASSWORD);
            var right = codeNow(offer.secret());
            assertThat(refusal(() -> secondFactor.verify(right)))
                    .as("even the right code waits").startsWith("Too many wrong codes");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    /** The requests that follow come from this address, as a guesser spreading attempts over many would. */
    private static void from(String address) {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void a_wrong_code_at_set_up_keeps_nothing() throws Exception {
        var username = person(Role.ADMIN);
        signInWithPassword(username, PASSWORD);
        var offer = secondFactor.offer();
        var wrong = wrongCode(offer.secret());

        assertThat(refusal(() -> secondFactor.confirm(offer.secret(), wrong))).startsWith("This is not the code your app shows now");
        assertThat(refusal(() -> secondFactor.confirm(offer.secret(), "12 34"))).startsWith("This is not the code");

        assertThat(secondFactor.setUp()).isFalse();
        secondFactor.confirm(offer.secret(), codeNow(offer.secret()));
        assertThat(refusal(() -> secondFactor.confirm(secondFactor.offer().secret(), "123456")))
                .as("a second set-up does not replace the first").startsWith("Your second factor is set up already");
    }

    @Test
    void the_practice_manager_who_approves_owes_the_code_too_and_the_demo_logins_do_not() {
        assertThat(signInWithPassword(person(Role.PRACTICE_MANAGER), PASSWORD)).containsExactly(SecondFactor.PENDING);
        assertThat(signInWithPassword("therapist1", "demo-password")).contains("ROLE_THERAPIST")
                .doesNotContain(SecondFactor.PENDING);
        assertThat(signInWithPassword("admin", "demo-password")).contains("ROLE_ADMIN").doesNotContain(SecondFactor.PENDING);
    }

    private UserId idOf(String username) {
        return Objects.requireNonNull(accounts.findByUsername(new Username(username)).orElseThrow().id());
    }

    private String storedSecret(UserId account) {
        return jdbc.sql("SELECT secret FROM second_factor WHERE account_id = :id").param("id", account.value())
                .query(String.class).single();
    }

    @Test
    void the_database_holds_the_secret_sealed_to_its_account_and_the_recovery_codes_keyed() throws Exception {
        var username = person(Role.SUPERVISOR);
        signInWithPassword(username, PASSWORD);
        var offer = secondFactor.offer();
        var signedIn = secondFactor.confirm(offer.secret(), codeNow(offer.secret()));
        var id = idOf(username);

        assertThat(storedSecret(id)).startsWith("v1:").doesNotContain(offer.secret());
        var hashes = jdbc.sql("SELECT code_hash FROM recovery_code WHERE account_id = :id AND keyed")
                .param("id", id.value()).query(String.class).list();
        assertThat(hashes).hasSize(10).doesNotContainAnyElementsOf(
                signedIn.recoveryCodes().stream().map(SecondFactorSeal::plainCodeHash).toList());

        var other = person(Role.THERAPIST);
        signInWithPassword(other, PASSWORD);
        var theirs = secondFactor.offer();
        secondFactor.confirm(theirs.secret(), codeNow(theirs.secret()));
        jdbc.sql("UPDATE second_factor SET secret = :secret WHERE account_id = :id")
                .param("secret", storedSecret(id)).param("id", idOf(other).value()).update();
        signInWithPassword(other, PASSWORD);
        assertThatThrownBy(() -> secondFactor.verify(AuthenticatorApp.code(offer.secret(), clock.instant().plusSeconds(30))))
                .as("a sealed secret copied to another account does not open there")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not open");
    }

    @Test
    void a_secret_and_recovery_code_an_earlier_version_stored_plain_are_sealed_at_start_and_still_work() throws Exception {
        var username = person(Role.THERAPIST);
        var id = idOf(username);
        var secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        var recoveryCode = "abcde-fghij";
        jdbc.sql("INSERT INTO second_factor (account_id, secret, enrolled_at) VALUES (:id, :secret, now())")
                .param("id", id.value()).param("secret", secret).update();
        jdbc.sql("INSERT INTO recovery_code (account_id, code_hash, keyed) VALUES (:id, :hash, false)")
                .param("id", id.value()).param("hash", SecondFactorSeal.plainCodeHash(recoveryCode)).update();

        seal.sealEarlierSecrets();

        assertThat(storedSecret(id)).startsWith("v1:");
        signInWithPassword(username, PASSWORD);
        assertThat(secondFactor.verify(codeNow(secret)).authentication().getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_THERAPIST");
        signInWithPassword(username, PASSWORD);
        assertThat(secondFactor.verify(recoveryCode).authentication().getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_THERAPIST");
        signInWithPassword(username, PASSWORD);
        assertThat(refusal(() -> secondFactor.verify(recoveryCode))).contains("nor an unused recovery code");
    }
}
