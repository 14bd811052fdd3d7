package org.unstuck.web.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;

/**
 * Users sign in with the accounts stored in PostgreSQL; each role becomes a {@code ROLE_} authority.
 * A username locked after repeated wrong passwords cannot sign in for a while.
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;
    private final LoginAttempts attempts;

    DatabaseUserDetailsService(UserAccounts accounts, LoginAttempts attempts) {
        this.accounts = accounts;
        this.attempts = attempts;
    }

    @Override
    public UserDetails loadUserByUsername(String typed) {
        Username username;
        try {
            username = Username.typed(typed);
        } catch (IllegalArgumentException notAUsername) {
            throw new UsernameNotFoundException("No such user");
        }
        var account = accounts.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(account.username().value())
                .password(account.passwordHash())
                .disabled(!account.enabled())
                .accountLocked(attempts.isLocked(typed))
                .authorities(account.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList())
                .build();
    }
}
