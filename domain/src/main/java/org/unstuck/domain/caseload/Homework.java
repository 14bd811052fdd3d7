package org.unstuck.domain.caseload;

/** Whether the tasks agreed at the previous session were done. */
public enum Homework {
    NOT_SET,
    YES,
    PARTLY,
    NO
}
