package org.unstuck.web.practice;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.practice.Role;

/** A person the admin adds, as typed: checked by the service, never trusted. */
public record NewAccountEntry(@Nullable String username, @Nullable String displayName, Set<Role> roles,
        @Nullable String password, @Nullable String repeatedPassword) {
}
