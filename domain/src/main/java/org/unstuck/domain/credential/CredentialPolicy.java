package org.unstuck.domain.credential;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the practice requires of every therapist: which credential types (always a licence and
 * insurance), how many CPD hours in the last twelve months, and how many days before an end date
 * a credential counts as expiring.
 */
public record CredentialPolicy(Set<CredentialType> required, double cpdHoursPerYear, int warningDays) {

    public static final int DEFAULT_WARNING_DAYS = 60;

    public CredentialPolicy {
        if (!required.contains(CredentialType.LICENCE) || !required.contains(CredentialType.INSURANCE)) {
            throw new IllegalArgumentException("A licence and insurance are always required: no case is given without them");
        }
        required = Set.copyOf(required);
        if (cpdHoursPerYear < 0 || cpdHoursPerYear > 500) {
            throw new IllegalArgumentException("CPD hours per year are 0 to 500; got " + cpdHoursPerYear);
        }
        if (warningDays < 1 || warningDays > 365) {
            throw new IllegalArgumentException("The expiry warning window is 1 to 365 days; got " + warningDays);
        }
    }

    /** Licence, registration and insurance required, 30 CPD hours a year, a 60-day warning window. */
    public static CredentialPolicy defaults() {
        return new CredentialPolicy(EnumSet.of(CredentialType.LICENCE, CredentialType.REGISTRATION, CredentialType.INSURANCE),
                30, DEFAULT_WARNING_DAYS);
    }
}
