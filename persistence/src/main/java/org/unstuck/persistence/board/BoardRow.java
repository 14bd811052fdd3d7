package org.unstuck.persistence.board;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.DecisionDetails;

/**
 * One case as the supervisor's review board lists it.
 *
 * @param reasons every reason the case's latest assessment carries a signal of, the most severe signal's first
 * @param lastDecision the case's most recent decision, if any was recorded
 */
public record BoardRow(CaseRow theCase, List<StallReason> reasons, @Nullable LastDecision lastDecision) {

    public BoardRow {
        reasons = List.copyOf(reasons);
    }

    public long caseId() {
        return theCase.caseId();
    }

    /** @param colleagueName the colleague the case was referred to, for a referral */
    public record LastDecision(DecisionDetails details, LocalDate decidedOn, @Nullable String colleagueName) {
    }
}
