package org.unstuck.domain.practice;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person who signs in to Unstuck. The password is kept only as an adaptive hash, opaque to the
 * domain. A user has at least one role; a supervisor usually also carries a caseload as a
 * therapist.
 *
 * @param id absent until the account is stored
 * @param passwordChangeRequired the password was set by someone else, so the person chooses a new
 *     one before anything else opens
 */
public record UserAccount(
        @Nullable UserId id,
        Username username,
        String displayName,
        String passwordHash,
        Set<Role> roles,
        boolean enabled,
        boolean passwordChangeRequired) {

    public UserAccount {
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("A user's display name must not be blank");
        }
        if (displayName.length() > 120) {
            throw new IllegalArgumentException("A user's display name is at most 120 characters");
        }
        if (passwordHash.isBlank()) {
            throw new IllegalArgumentException("A user account needs a password hash");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A user has at least one role");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    public static UserAccount newAccount(Username username, String displayName, String passwordHash, Set<Role> roles) {
        return new UserAccount(null, username, displayName, passwordHash, roles, true, false);
    }

    /** A new account whose first password someone else chose, so its owner replaces it at the first sign-in. */
    public static UserAccount withPasswordChosenForThem(Username username, String displayName, String passwordHash,
            Set<Role> roles) {
        return new UserAccount(null, username, displayName, passwordHash, roles, true, true);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** The same account under a new name and roles. */
    public UserAccount renamedWithRoles(String newDisplayName, Set<Role> newRoles) {
        return new UserAccount(id, username, newDisplayName, passwordHash, newRoles, enabled, passwordChangeRequired);
    }

    /** The same account with a new password the person chose themself, given as its hash. */
    public UserAccount withPasswordHash(String newPasswordHash) {
        return new UserAccount(id, username, displayName, newPasswordHash, roles, enabled, false);
    }

    /** The same account with a password someone else chose, which the person replaces at their next sign-in. */
    public UserAccount withPasswordChosenForThem(String newPasswordHash) {
        return new UserAccount(id, username, displayName, newPasswordHash, roles, enabled, true);
    }

    /** The same account, allowed to sign in or not. */
    public UserAccount withEnabled(boolean newEnabled) {
        return new UserAccount(id, username, displayName, passwordHash, roles, newEnabled, passwordChangeRequired);
    }
}
