package org.unstuck.domain.review;

import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.practice.UserId;

/** What each type of decision records beyond rationale, reasons, owner and follow-up. */
public sealed interface DecisionDetails {

    DecisionType type();

    private static String required(String text, String what, int max) {
        var stripped = text.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw new IllegalArgumentException(what + " is 1 to " + max + " characters");
        }
        return stripped;
    }

    record ContinuePlan() implements DecisionDetails {
        public DecisionType type() {
            return DecisionType.CONTINUE;
        }
    }

    record ChangeApproach(Approach from, Approach to) implements DecisionDetails {
        public ChangeApproach {
            if (from.name().equalsIgnoreCase(to.name())) {
                throw new IllegalArgumentException("A change of approach moves to a different approach than " + from);
            }
        }

        public DecisionType type() {
            return DecisionType.CHANGE_APPROACH;
        }
    }

    record ReferToColleague(UserId colleague) implements DecisionDetails {
        public DecisionType type() {
            return DecisionType.REFER_TO_COLLEAGUE;
        }
    }

    record ReferExternally(String service) implements DecisionDetails {
        public ReferExternally {
            service = required(service, "The service referred to", 200);
        }

        public DecisionType type() {
            return DecisionType.REFER_EXTERNALLY;
        }
    }

    record ChangeFrequency(String newFrequency) implements DecisionDetails {
        public ChangeFrequency {
            newFrequency = required(newFrequency, "The new session frequency", 80);
        }

        public DecisionType type() {
            return DecisionType.CHANGE_FREQUENCY;
        }
    }

    record AddAssessment(String assessment) implements DecisionDetails {
        public AddAssessment {
            assessment = required(assessment, "The assessment to add", 200);
        }

        public DecisionType type() {
            return DecisionType.ADD_ASSESSMENT;
        }
    }

    record PlannedEnding() implements DecisionDetails {
        public DecisionType type() {
            return DecisionType.PLANNED_ENDING;
        }
    }

    record EscalateRisk(String action) implements DecisionDetails {
        public EscalateRisk {
            action = required(action, "The risk action", 300);
        }

        public DecisionType type() {
            return DecisionType.ESCALATE_RISK;
        }
    }

    /** The risk was looked at and needs no escalation; the rationale says what was found and agreed. */
    record RiskReviewed() implements DecisionDetails {
        public DecisionType type() {
            return DecisionType.RISK_REVIEWED;
        }
    }
}
