package org.unstuck.web.practice;

import java.util.List;
import java.util.Set;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;

/** What a screen shows of a person: never the password hash. */
public record PersonRow(String displayName, String username, Set<Role> roles, boolean enabled, List<String> supervisors) {

    static PersonRow of(UserAccount account, List<UserAccount> supervisors) {
        return new PersonRow(account.displayName(), account.username().value(), account.roles(), account.enabled(),
                supervisors.stream().map(UserAccount::displayName).toList());
    }
}
