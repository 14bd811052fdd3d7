package org.unstuck.domain.credential;

/** The practice's credential policy. */
public interface CredentialPolicies {

    CredentialPolicy current();

    void save(CredentialPolicy policy);
}
