package org.unstuck.domain.notes;

import org.unstuck.domain.progress.StallReason;

/** The prompts of a reflective note, one per reason a case may stall. */
public enum NotePrompt {
    /** What is happening in the relationship. */
    RELATIONSHIP(StallReason.ALLIANCE),
    /** Does the method fit the client's problem. */
    METHOD_FIT(StallReason.APPROACH_FIT),
    /** My own reactions to this client. */
    MY_REACTIONS(StallReason.THERAPIST_RETICENCE),
    /** The client's collaboration: attendance, tasks, engagement. */
    CLIENT_COLLABORATION(StallReason.CLIENT_ENGAGEMENT),
    /** What I need to learn to help this client. */
    WHAT_I_NEED_TO_LEARN(StallReason.THERAPIST_READINESS);

    private final StallReason reason;

    NotePrompt(StallReason reason) {
        this.reason = reason;
    }

    public StallReason reason() {
        return reason;
    }
}
