package org.unstuck.web.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;

/**
 * Users sign in with the accounts stored in PostgreSQL; each role becomes a {@code ROLE_} authority.
 * A username locked after repeated wrong passwords cannot sign in for a while. The session keeps
 * what every screen needs of the account, so that opening one does not read it again.
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
        return new AccountPrincipal(account, attempts.isLocked(typed),
                account.roles().stream().map(role -> new SimpleGrantedAuthority(AccountPrincipal.ROLE + role.name())).toList());
    }
}
