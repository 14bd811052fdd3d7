package org.unstuck.web.security;

import java.util.Collection;
import java.util.Objects;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.unstuck.domain.practice.UserAccount;

/**
 * The signed-in person as their session holds them: besides what Spring Security checks, the facts
 * every screen needs, so that opening one does not read the account again.
 */
final class AccountPrincipal extends User {

    /** What each role's authority begins with, as Spring Security's role checks expect. */
    static final String ROLE = "ROLE_";
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String displayName;
    private final boolean passwordChangeRequired;

    AccountPrincipal(UserAccount account, boolean locked, Collection<? extends GrantedAuthority> authorities) {
        super(account.username().value(), account.passwordHash(), account.enabled(), true, true, !locked, authorities);
        this.id = Objects.requireNonNull(account.id()).value();
        this.displayName = account.displayName();
        this.passwordChangeRequired = account.passwordChangeRequired();
    }

    /** The same person with the account's facts as changed now; the roles stay those they signed in with. */
    AccountPrincipal changedTo(UserAccount account) {
        var changed = new AccountPrincipal(account, !isAccountNonLocked(), getAuthorities());
        changed.eraseCredentials();
        return changed;
    }

    long id() {
        return id;
    }

    String displayName() {
        return displayName;
    }

    boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }
}
