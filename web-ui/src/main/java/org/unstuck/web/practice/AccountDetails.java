package org.unstuck.web.practice;

import java.util.Set;
import org.unstuck.domain.practice.Role;

/** One account as the admin edits it, with the version it was read at; never the password hash. */
public record AccountDetails(String username, String displayName, Set<Role> roles, boolean enabled, Set<String> supervisees,
        long version) {
}
