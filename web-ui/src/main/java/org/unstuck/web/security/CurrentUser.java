package org.unstuck.web.security;

import java.util.EnumSet;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;

/** The person making the current request: as their session holds them, or their account as stored now. */
@Component
public class CurrentUser {

    private final UserAccounts accounts;

    CurrentUser(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * The person as they signed in, from their session without reading the database, so that the
     * frame of every screen can be drawn while the database is away.
     */
    public SignedInPerson person() {
        var authentication = signedIn();
        if (!(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
            throw new AuthenticationCredentialsNotFoundException("The signed-in person has no account");
        }
        var roles = EnumSet.noneOf(Role.class);
        authentication.getAuthorities().stream().map(granted -> granted.getAuthority())
                .filter(authority -> authority != null && authority.startsWith(AccountPrincipal.ROLE))
                .forEach(authority -> roles.add(Role.valueOf(authority.substring(AccountPrincipal.ROLE.length()))));
        return new SignedInPerson(new UserId(principal.id()), new Username(principal.getUsername()), principal.displayName(),
                roles, principal.passwordChangeRequired());
    }

    /** The signed-in person's account as stored now. */
    public UserAccount account() {
        return accounts.findByUsername(new Username(signedIn().getName()))
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("The signed-in account no longer exists"));
    }

    /**
     * The signed-in person's own account changed: their session holds its new name and whether a
     * password change is still required, once the change is committed (a change rolled back leaves
     * the session as it was).
     */
    public void changed(UserAccount account) {
        Runnable keeping = () -> keepChanged(account);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    keeping.run();
                }
            });
        } else {
            keeping.run();
        }
    }

    private void keepChanged(UserAccount account) {
        var current = signedIn();
        if (!(current.getPrincipal() instanceof AccountPrincipal principal)
                || !principal.getUsername().equals(account.username().value())) {
            return;
        }
        var changed = UsernamePasswordAuthenticationToken.authenticated(principal.changedTo(account), null,
                current.getAuthorities());
        changed.setDetails(current.getDetails());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(changed);
        SecurityContextHolder.setContext(context);
        var request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context,
                    RequestAttributes.SCOPE_SESSION);
        }
    }

    private static Authentication signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("Nobody is signed in");
        }
        return authentication;
    }
}
