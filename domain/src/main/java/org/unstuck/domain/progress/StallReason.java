package org.unstuck.domain.progress;

/** The five reasons a course of therapy fails to progress; every signal, note prompt and decision names one. */
public enum StallReason {
    /** A weak therapist–client bond. */
    ALLIANCE(1),
    /** The method does not suit the client's problem. */
    APPROACH_FIT(2),
    /** The therapist cannot accept or work with this client. */
    THERAPIST_RETICENCE(3),
    /** Missed or cancelled sessions, homework not done, long gaps. */
    CLIENT_ENGAGEMENT(4),
    /** Licence, registration, insurance or CPD not in order. */
    THERAPIST_READINESS(5);

    private final int number;

    StallReason(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
