package org.unstuck.domain.credential;

/** A case is given only to a therapist with a valid licence and insurance. */
public final class AssignmentGuard {

    private AssignmentGuard() {
    }

    public static void requireMayTakeNewCases(TherapistCompliance compliance) {
        if (!compliance.mayTakeNewCases()) {
            throw new TherapistNotReadyException(compliance.missingForNewCases());
        }
    }
}
