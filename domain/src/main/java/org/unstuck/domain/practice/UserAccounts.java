package org.unstuck.domain.practice;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unstuck.domain.Versioned;

/** The stored user accounts of the practice. */
public interface UserAccounts {

    Optional<UserAccount> findByUsername(Username username);

    Optional<UserAccount> find(UserId id);

    /** Every account's display name by id, for naming the people in a list with one read. */
    Map<UserId, String> displayNames();

    /** Every account, ordered by display name. */
    List<UserAccount> all();

    /** An account with the version it was read at, for an edit that must not overwrite another. */
    Optional<Versioned<UserAccount>> findVersioned(UserId id);

    /** Stores a new account or the new state of an existing one; returns it with its id. */
    UserAccount save(UserAccount account);

    /**
     * Stores the new state of an existing account edited from the given version.
     *
     * @throws org.unstuck.domain.ConcurrentChangeException when the account changed since that version
     */
    Versioned<UserAccount> save(UserAccount account, long editedFromVersion);

    long count();
}
