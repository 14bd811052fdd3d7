package org.unstuck.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.security.LoginAttempts;

@UnstuckAppTest
class MyPasswordTest {

    private static final String OLD = "an old song on the radio";
    private static final String NEW = "a fresh page every morning";

    @Autowired MyPassword myPassword;
    @Autowired UserAccounts accounts;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;
    @Autowired SessionRegistry sessions;
    @Autowired LoginAttempts attempts;
    @Autowired JdbcClient jdbc;

    private UserAccount signedIn(String prefix) {
        var account = accounts.save(UserAccount.newAccount(new Username(prefix + "." + System.nanoTime() % 1_000_000),
                "Person " + prefix, encoder.encode(OLD), Set.of(Role.THERAPIST)));
        TestSignIn.as(users, account.username().value());
        return account;
    }

    private String hashOf(UserAccount account) {
        return accounts.find(account.id()).orElseThrow().passwordHash();
    }

    private int audited(UserAccount account, String action, String outcome) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :actor AND action = :action AND outcome = :outcome")
                .param("actor", account.username().value()).param("action", action).param("outcome", outcome)
                .query(Integer.class).single();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void a_person_changes_their_password_and_their_other_sessions_end_but_this_one() {
        var me = signedIn("changer");
        var details = users.loadUserByUsername(me.username().value());
        sessions.registerNewSession("this-" + me.username(), details);
        sessions.registerNewSession("other-" + me.username(), details);
        var request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession(null, "this-" + me.username()));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        myPassword.change(OLD, NEW, NEW);

        assertThat(hashOf(me)).startsWith("{pbkdf2}");
        assertThat(encoder.matches(NEW, hashOf(me))).isTrue();
        assertThat(sessions.getSessionInformation("other-" + me.username()).isExpired()).isTrue();
        assertThat(sessions.getSessionInformation("this-" + me.username()).isExpired()).isFalse();
        assertThat(audited(me, "password.change", "ALLOWED")).isOne();
    }

    @Test
    void a_wrong_current_password_is_refused_audited_and_counted_as_a_failed_sign_in() {
        var me = signedIn("guesser");
        var before = hashOf(me);

        for (int attempt = 1; attempt <= 5; attempt++) {
            var refusal = catchThrowableOfType(InvalidEntryException.class, () -> myPassword.change("not it at all", NEW, NEW));
            assertThat(refusal.fieldErrors()).containsExactly(Map.entry("current", "This is not your current password."));
        }

        assertThat(attempts.isLocked(me.username().value())).isTrue();
        assertThat(catchThrowableOfType(InvalidEntryException.class, () -> myPassword.change(OLD, NEW, NEW)).fieldErrors())
                .containsOnlyKeys("current");
        assertThat(hashOf(me)).isEqualTo(before);
        assertThat(audited(me, "password.change", "REFUSED")).isEqualTo(6);
        assertThat(audited(me, "login.locked", "REFUSED")).isOne();
    }

    @Test
    void a_new_password_against_the_policy_is_refused_and_the_old_one_stays() {
        var me = signedIn("weak");
        var before = hashOf(me);

        assertThat(catchThrowableOfType(InvalidEntryException.class, () -> myPassword.change(OLD, "short", "short"))
                .fieldErrors()).containsExactly(Map.entry("password", "A password has 12 to 128 characters; this one has 5."));
        assertThat(catchThrowableOfType(InvalidEntryException.class, () -> myPassword.change(OLD, NEW, NEW + " "))
                .fieldErrors()).containsOnlyKeys("repeated");

        assertThat(hashOf(me)).isEqualTo(before);
        assertThat(audited(me, "password.change", "ALLOWED")).isZero();
    }

    @Test
    void nobody_signed_in_changes_nothing() {
        assertThatThrownBy(() -> myPassword.change(OLD, NEW, NEW)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
