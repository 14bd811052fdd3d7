package org.unstuck.web.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;

/** The account of the person making the current request. */
@Component
public class CurrentUser {

    private final UserAccounts accounts;

    CurrentUser(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public UserAccount account() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("Nobody is signed in");
        }
        return accounts.findByUsername(new Username(authentication.getName()))
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("The signed-in account no longer exists"));
    }
}
