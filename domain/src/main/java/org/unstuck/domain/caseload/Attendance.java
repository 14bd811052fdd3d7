package org.unstuck.domain.caseload;

/** Whether a scheduled session took place. */
public enum Attendance {
    ATTENDED,
    CANCELLED,
    NO_SHOW
}
