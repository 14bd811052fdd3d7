package org.unstuck.domain.credential;

/** CPD hours done in the last twelve months against what the policy requires. */
public record CpdStatus(double hoursDone, double hoursRequired) {

    public boolean isShort() {
        return hoursDone + 1e-9 < hoursRequired;
    }

    public ComplianceStatus status() {
        return isShort() ? ComplianceStatus.CPD_SHORT : ComplianceStatus.VALID;
    }
}
