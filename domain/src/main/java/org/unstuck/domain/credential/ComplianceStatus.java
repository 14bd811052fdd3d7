package org.unstuck.domain.credential;

/** The state of one requirement, from best to worst. */
public enum ComplianceStatus {
    VALID,
    /** Valid, but ends within the policy's warning window. */
    EXPIRING,
    /** Fewer CPD hours in the last twelve months than the policy asks. */
    CPD_SHORT,
    EXPIRED,
    MISSING;

    public boolean permitsPractice() {
        return this == VALID || this == EXPIRING;
    }
}
