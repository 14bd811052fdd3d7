package org.unstuck.domain.credential;

/** The kinds of credential a practice keeps for its therapists. */
public enum CredentialType {
    /** A state or national licence to practise. */
    LICENCE(true),
    /** Membership of a professional register, such as a colegio oficial or a professional body. */
    REGISTRATION(true),
    QUALIFICATION(false),
    /** Training in a therapeutic approach, such as CBT or EMDR. */
    MODALITY_TRAINING(false),
    /** Professional indemnity insurance. */
    INSURANCE(true);

    private final boolean expires;

    CredentialType(boolean expires) {
        this.expires = expires;
    }

    /** Whether credentials of this type carry an end date. */
    public boolean expires() {
        return expires;
    }
}
