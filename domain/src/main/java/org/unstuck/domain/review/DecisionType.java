package org.unstuck.domain.review;

/** What a supervisor decided about a case. */
public enum DecisionType {
    CONTINUE,
    CHANGE_APPROACH,
    REFER_TO_COLLEAGUE,
    REFER_EXTERNALLY,
    CHANGE_FREQUENCY,
    ADD_ASSESSMENT,
    PLANNED_ENDING,
    ESCALATE_RISK,
    RISK_REVIEWED;

    /** Whether a decision of this type answers the case's open risk alerts. */
    public boolean answersRisk() {
        return this == ESCALATE_RISK || this == RISK_REVIEWED;
    }
}
