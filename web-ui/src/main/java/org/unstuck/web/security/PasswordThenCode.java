package org.unstuck.web.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;

/**
 * Checks the password as Spring Security's own provider does; for someone who owes a second
 * factor, the result holds no role until the code is given.
 */
final class PasswordThenCode implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final UserAccounts accounts;
    private final SecondFactor secondFactor;
    private final LoginAttempts attempts;

    PasswordThenCode(AuthenticationProvider passwords, UserAccounts accounts, SecondFactor secondFactor,
            LoginAttempts attempts) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        // Checked before the password, so that a waiting address is refused the same for every name, known or not.
        if (attempts.isLocked(attempt.getName())) {
            throw new LockedException("This username or address has to wait before signing in again");
        }
        var byPassword = passwords.authenticate(attempt);
        if (byPassword == null) {
            return null;
        }
        var owesCode = accounts.findByUsername(new Username(byPassword.getName())).filter(secondFactor::required).isPresent();
        return owesCode ? SecondFactor.awaitingCode(byPassword) : byPassword;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
