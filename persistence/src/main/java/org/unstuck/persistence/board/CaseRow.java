package org.unstuck.persistence.board;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.RiskAlert;
import org.unstuck.domain.progress.StallReason;

/**
 * One case as a board or caseload lists it.
 *
 * @param primaryImprovement how much better the latest primary score is than the first (negative: worse)
 * @param topSentence the most severe signal's sentence, in English
 * @param followUpsDue decisions on the case whose follow-up has come and which no later decision supersedes
 * @param riskRaisedAt when the earliest of the case's open risk alerts was raised, if it has one
 */
public record CaseRow(
        long caseId,
        String clientCode,
        long therapistId,
        String therapistName,
        String approach,
        String measureCode,
        CaseStatus status,
        @Nullable LocalDate statusSince,
        @Nullable StallReason topReason,
        @Nullable String topSentence,
        int sessionsHeld,
        @Nullable LocalDate lastSessionOn,
        @Nullable Double latestPrimary,
        @Nullable Double primaryImprovement,
        boolean open,
        int followUpsDue,
        @Nullable Instant riskRaisedAt) {

    /** Whether a risk alert of the case has waited longer than a day for its review. */
    public boolean riskOverdue(Instant now) {
        return riskRaisedAt != null && RiskAlert.isOverdue(riskRaisedAt, now);
    }
}
