package org.unstuck.domain.progress;

/** The rules of the clinical reference, each tied to the reason it reports: the stall rules and the critical-item rule. */
public enum Rule {
    RISK_ITEM(StallReason.RISK),
    RELIABLE_DETERIORATION(StallReason.APPROACH_FIT),
    NO_RELIABLE_IMPROVEMENT(StallReason.APPROACH_FIT),
    OFF_EXPECTED_TRAJECTORY(StallReason.APPROACH_FIT),
    ALLIANCE_CONCERN(StallReason.ALLIANCE),
    LOW_ATTENDANCE(StallReason.CLIENT_ENGAGEMENT),
    HOMEWORK_NOT_DONE(StallReason.CLIENT_ENGAGEMENT),
    DRIFT(StallReason.CLIENT_ENGAGEMENT),
    MEASURE_NOT_TAKEN(StallReason.CLIENT_ENGAGEMENT),
    THERAPIST_RETICENCE(StallReason.THERAPIST_RETICENCE),
    THERAPIST_READINESS(StallReason.THERAPIST_READINESS);

    private final StallReason reason;

    Rule(StallReason reason) {
        this.reason = reason;
    }

    public StallReason reason() {
        return reason;
    }

    /** Whether the signal says what a reflective note says, so that only the note's readers may see it. */
    public boolean readFromNotes() {
        return this == THERAPIST_RETICENCE;
    }
}
