package org.unstuck.domain.progress;

import java.util.Arrays;
import java.util.List;

/**
 * The five reasons a course of therapy fails to progress; every signal, note prompt and decision names one.
 * Risk is a reason a decision can answer (an escalation) though no rule signals it.
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
    /** A risk to the client or to others, answered by escalating it; no rule signals it. */
    RISK(6);

    private final int number;

    StallReason(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** Whether a rule of the progress review can signal it; risk comes only from a supervisor's judgement. */
    public boolean isSignalled() {
        return this != RISK;
    }

    /** The reasons a rule can signal, for filters of flagged cases: risk is left out. */
    public static List<StallReason> signalled() {
        return Arrays.stream(values()).filter(StallReason::isSignalled).toList();
    }
}
