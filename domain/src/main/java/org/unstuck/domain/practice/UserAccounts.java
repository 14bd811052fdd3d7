package org.unstuck.domain.practice;

import java.util.List;
import java.util.Optional;

/** The stored user accounts of the practice. */
public interface UserAccounts {

    Optional<UserAccount> findByUsername(Username username);

    /** Every account, ordered by display name. */
    List<UserAccount> all();

    /** Stores a new account or the new state of an existing one; returns it with its id. */
    UserAccount save(UserAccount account);

    long count();
}
