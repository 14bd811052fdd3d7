package org.unstuck.domain.caseload;

/** The identity of a case; positive once stored. */
public record CaseId(long value) {
    public CaseId {
        if (value <= 0) {
            throw new IllegalArgumentException("A case id is positive; got " + value);
        }
    }
}
