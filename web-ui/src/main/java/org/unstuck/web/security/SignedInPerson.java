package org.unstuck.web.security;

import java.util.Set;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;

/**
 * The person making the current request as they signed in: their roles are those the session
 * holds, the ones every access check of screens and services sees.
 *
 * @param passwordChangeRequired they still choose their own password before anything else opens
 */
public record SignedInPerson(UserId id, Username username, String displayName, Set<Role> roles,
        boolean passwordChangeRequired) {

    public SignedInPerson {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
