package org.unstuck.domain.practice;

/** What a person may do in Unstuck; see the access matrix of the product description. */
public enum Role {
    /** Works with clients: own caseload, sessions, reflective notes, own credentials. */
    THERAPIST,
    /** Reviews supervisees' cases and records supervision decisions. */
    SUPERVISOR,
    /** Keeps every therapist's credentials in order; sees caseload counts, never clinical data. */
    PRACTICE_MANAGER,
    /** Manages users, roles, supervision pairs and practice settings; sees no clinical data. */
    ADMIN;

    /** Whether the role opens clients' clinical records. */
    public boolean isClinical() {
        return this == THERAPIST || this == SUPERVISOR;
    }
}
