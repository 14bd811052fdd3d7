package org.unstuck.domain.progress;

import java.util.Arrays;
import java.util.List;

/**
 * The five reasons a course of therapy fails to progress; every signal, note prompt and decision names one.
 * Risk is a sixth reason: a critical item endorsed, answered by a review of the risk or its escalation.
 */
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
    THERAPIST_READINESS(5),
    /** A risk to the client or to others: a critical item endorsed, or a supervisor's judgement. */
    RISK(6);

    private final int number;

    StallReason(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** Whether it is one of the five reasons a course stalls; risk is not a stall but an alert of its own. */
    public boolean isSignalled() {
        return this != RISK;
    }

    /** The five reasons a course stalls, for filters and counts of stalled cases: risk has its own lists. */
    public static List<StallReason> signalled() {
        return Arrays.stream(values()).filter(StallReason::isSignalled).toList();
    }
}
