package org.unstuck.domain.review;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.unstuck.domain.caseload.CaseId;

/**
 * The reviews of decisions' follow-ups: append-only. A follow-up is open while its decision is not
 * superseded and has no review since its referral, if any, was last declined.
 */
public interface FollowUpReviews {

    FollowUpReview record(FollowUpReview review);

    /**
     * The new decision answers every open follow-up of its case (other than itself), whether or not
     * its date has come; returns the reviews recorded. A correction answers nothing: it supersedes.
     */
    List<FollowUpReview> answerOpenFollowUps(Decision answering);

    /** The decisions of a case whose follow-up is open now. */
    List<DecisionId> openOn(CaseId caseId);

    /** The latest review of each of a case's decisions that has one, by decision. */
    Map<DecisionId, FollowUpReview> latestOnCase(CaseId caseId);

    /** The latest review of each of these decisions that has one. */
    Map<DecisionId, FollowUpReview> latestOf(Collection<DecisionId> decisions);
}
