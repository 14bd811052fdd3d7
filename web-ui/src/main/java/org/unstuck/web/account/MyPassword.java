package org.unstuck.web.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.security.CurrentUser;
import org.unstuck.web.security.LoginAttempts;
import org.unstuck.web.security.NewPasswords;
import org.unstuck.web.security.UserSessions;

/**
 * Everyone changes their own password, proving they know the current one. A wrong current password
 * is audited and counts as a failed sign-in; the person's other sessions end, this one stays.
 */
@Service
public class MyPassword {

    /** The field of the current password; the new one is reported under {@link NewPasswords}' names. */
    public static final String CURRENT = "current";

    private final UserAccounts accounts;
    private final CurrentUser currentUser;
    private final NewPasswords passwords;
    private final LoginAttempts attempts;
    private final UserSessions sessions;
    private final AuditRecorder audit;

    MyPassword(UserAccounts accounts, CurrentUser currentUser, NewPasswords passwords, LoginAttempts attempts,
            UserSessions sessions, AuditRecorder audit) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.passwords = passwords;
        this.attempts = attempts;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Whether the signed-in person's password was chosen by someone else, so they choose their own first. */
    @PreAuthorize("isAuthenticated()")
    public boolean chosenBySomeoneElse() {
        return currentUser.person().passwordChangeRequired();
    }

    // A refusal writes its audit rows and commits them; nothing else has been written by then.
    @PreAuthorize("isAuthenticated()")
    @Transactional(noRollbackFor = InvalidEntryException.class)
    public void change(@Nullable String current, @Nullable String password, @Nullable String repeated) {
        var account = currentUser.account();
        var username = account.username();
        if (attempts.isLocked(username.value())) {
            audit.refused("password.change", null, "locked after wrong passwords");
            throw new InvalidEntryException(Map.of(CURRENT,
                    "Too many wrong passwords: wait 15 minutes, then try again."));
        }
        if (!passwords.matches(Objects.requireNonNullElse(current, ""), account.passwordHash())) {
            audit.refused("password.change", null, "wrong current password");
            attempts.wrongPasswordWhileSignedIn(username.value());
            throw new InvalidEntryException(Map.of(CURRENT, "This is not your current password."));
        }
        var errors = new LinkedHashMap<String, String>();
        passwords.check(Objects.requireNonNullElse(password, ""), Objects.requireNonNullElse(repeated, ""), username, errors);
        if (errors.isEmpty() && passwords.matches(Objects.requireNonNull(password), account.passwordHash())) {
            errors.put(NewPasswords.PASSWORD, "Choose a password other than your current one.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidEntryException(errors);
        }
        currentUser.changed(accounts.save(account.withPasswordHash(passwords.hash(Objects.requireNonNull(password)))));
        audit.allowed("password.change", null, null);
        sessions.endAllButThisOne(username);
    }
}
