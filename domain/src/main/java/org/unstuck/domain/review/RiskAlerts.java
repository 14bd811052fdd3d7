package org.unstuck.domain.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.progress.RiskAlert;

/**
 * The risk alerts of the practice: raised from the stored scores whose items meet their measure's
 * risk rule, each once, and open until a decision that reviews or escalates the risk answers them.
 * An alert of a voided session is no longer open.
 */
public interface RiskAlerts {

    /**
     * Raises an alert for every standing score of these cases that meets its rule and has none yet;
     * answers what each case that gained one gained.
     */
    Map<CaseId, Raised> raiseFromScores(List<CaseId> cases, Instant at);

    /** The alerts a case gained: how many, and the latest session they were raised for. */
    record Raised(int alerts, LocalDate latestSession) {
    }

    /** The open alerts of these cases, by case; a case without any is left out. */
    Map<CaseId, List<RiskAlert>> openOn(List<CaseId> cases);

    default List<RiskAlert> openOn(CaseId caseId) {
        return openOn(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    /** Answers every open alert of the decision's case with it; how many it answered. */
    int answerWith(DecisionId decision, Instant at);
}
