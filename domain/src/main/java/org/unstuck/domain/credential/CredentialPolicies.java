package org.unstuck.domain.credential;

import org.unstuck.domain.Versioned;

/** The practice's credential policy. */
public interface CredentialPolicies {

    Versioned<CredentialPolicy> current();

    /**
     * Saves a new policy over the version it was edited from.
     *
     * @throws org.unstuck.domain.ConcurrentChangeException when someone saved another policy in between
     */
    Versioned<CredentialPolicy> save(CredentialPolicy policy, long editedFromVersion);
}
