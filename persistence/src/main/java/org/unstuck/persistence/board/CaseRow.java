package org.unstuck.persistence.board;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;

/**
 * One case as a board or caseload lists it.
 *
 * @param primaryImprovement how much better the latest primary score is than the first (negative: worse)
 * @param topSentence the most severe signal's sentence, in English
 * @param followUpsDue decisions on the case whose follow-up has come and which no later decision supersedes
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
        int followUpsDue) {
}
