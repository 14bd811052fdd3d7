package org.unstuck.web.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.unstuck.domain.practice.Username;

/**
 * Ends a person's signed-in sessions, as when their account is disabled or their password changes:
 * each ended session is refused on its next request and its holder signs in again.
 */
@Component
public class UserSessions {

    private final SessionRegistry registry;

    UserSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Ends every session of this person. */
    public void endAll(Username username) {
        end(username, null);
    }

    /** Ends every session of this person but the one making the current request. */
    public void endAllButThisOne(Username username) {
        var request = RequestContextHolder.getRequestAttributes();
        end(username, request == null ? null : request.getSessionId());
    }

    /**
     * Within a transaction the sessions end once it commits: ended any earlier, a request arriving
     * before the commit could sign in again against the old account.
     */
    private void end(Username username, @Nullable String keep) {
        Runnable ending = () -> registry.getAllPrincipals().stream()
                .filter(principal -> isNamed(principal, username))
                .flatMap(principal -> registry.getAllSessions(principal, false).stream())
                .filter(session -> !session.getSessionId().equals(keep))
                .forEach(session -> session.expireNow());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    ending.run();
                }
            });
        } else {
            ending.run();
        }
    }

    private static boolean isNamed(Object principal, Username username) {
        return principal instanceof UserDetails user && user.getUsername().equals(username.value());
    }
}
