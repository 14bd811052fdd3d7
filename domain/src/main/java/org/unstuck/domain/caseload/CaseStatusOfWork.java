package org.unstuck.domain.caseload;

/** Whether a case is still being worked on. */
public enum CaseStatusOfWork {
    OPEN,
    CLOSED
}
