package org.unstuck.domain.caseload;

/** Why a course of therapy ended; every closed case has one. */
public enum ClosingReason {
    /** The therapist ended the course, the client having improved or no longer needing it. */
    DISCHARGED,
    /** The ending a supervision decision planned has been carried out. */
    PLANNED_ENDING_COMPLETED,
    /** The client stopped coming without an agreed ending. */
    DROPPED_OUT,
    /** The client continues with another service. */
    TRANSFERRED_OUT
}
