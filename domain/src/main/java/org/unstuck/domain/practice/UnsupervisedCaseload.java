package org.unstuck.domain.practice;

/** Someone who carries open cases that no enabled supervisor reviews. */
public record UnsupervisedCaseload(UserId therapist, Username username, String displayName, int openCases) {

    public UnsupervisedCaseload {
        if (openCases < 1) {
            throw new IllegalArgumentException("An unsupervised caseload holds at least one open case");
        }
    }
}
