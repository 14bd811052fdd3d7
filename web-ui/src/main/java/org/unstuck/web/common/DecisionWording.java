package org.unstuck.web.common;

import java.util.function.Function;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.DecisionDetails;

/**
 * What was decided, in one line with its details: "Change approach: IPT → CBT", "Refer to Ana Ruiz".
 * The same words on the case page, the follow-ups, the minutes, the pack and the decision log.
 */
public final class DecisionWording {

    private DecisionWording() {
    }

    /** @param nameOf the display name of a colleague a case is referred to */
    public static String what(Texts texts, DecisionDetails details, Function<UserId, String> nameOf) {
        var key = "decision.what." + details.type().name();
        return switch (details) {
            case DecisionDetails.ContinuePlan ignored -> texts.get(key);
            case DecisionDetails.ChangeApproach change -> texts.get(key, change.from().name(), change.to().name());
            case DecisionDetails.ReferToColleague referral -> texts.get(key, nameOf.apply(referral.colleague()));
            case DecisionDetails.ReferExternally referral -> texts.get(key, referral.service());
            case DecisionDetails.ChangeFrequency change -> texts.get(key, change.newFrequency());
            case DecisionDetails.AddAssessment assessment -> texts.get(key, assessment.assessment());
            case DecisionDetails.PlannedEnding ignored -> texts.get(key);
            case DecisionDetails.EscalateRisk risk -> texts.get(key, risk.action());
            case DecisionDetails.RiskReviewed ignored -> texts.get(key);
        };
    }
}
