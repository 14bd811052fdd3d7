package org.unstuck.web.security;

import org.springframework.security.authentication.AuthenticationProvider;
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

    PasswordThenCode(AuthenticationProvider passwords, UserAccounts accounts, SecondFactor secondFactor) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.secondFactor = secondFactor;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
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
