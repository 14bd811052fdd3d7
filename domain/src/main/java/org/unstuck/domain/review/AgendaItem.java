package org.unstuck.domain.review;

import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.CaseId;

/** One case on a meeting's agenda, and why it is there. */
public record AgendaItem(CaseId caseId, Why why, @Nullable DecisionId followUpOf) {

    public enum Why {
        RISK,
        DETERIORATING,
        STALLED,
        FOLLOW_UP_DUE,
        ADDED
    }

    public AgendaItem {
        if ((why == Why.FOLLOW_UP_DUE) != (followUpOf != null)) {
            throw new IllegalArgumentException("A follow-up item names its decision, and only a follow-up item does");
        }
    }
}
