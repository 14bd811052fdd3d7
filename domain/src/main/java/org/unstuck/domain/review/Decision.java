package org.unstuck.domain.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;

/**
 * A supervision decision on a case. Never edited or deleted: a correction is a new decision that
 * supersedes this one. It records the case's status and primary score when it was made, so that
 * at follow-up Unstuck can say whether the case moved.
 *
 * @param meeting the review meeting it was made in, if any
 * @param reasons the stall reasons it answers; at least one
 * @param owner who carries it out
 * @param statusAtDecision the case's status when decided
 * @param primaryScoreAtDecision the latest primary score when decided, if there was one
 * @param supersedes the earlier decision this one corrects
 */
public record Decision(
        @Nullable DecisionId id,
        CaseId caseId,
        @Nullable MeetingId meeting,
        DecisionDetails details,
        String rationale,
        Set<StallReason> reasons,
        UserId owner,
        LocalDate followUpOn,
        UserId decidedBy,
        Instant decidedAt,
        LocalDate decidedOn,
        CaseStatus statusAtDecision,
        @Nullable Double primaryScoreAtDecision,
        @Nullable DecisionId supersedes) {

    public static final int MAX_RATIONALE = 2000;

    public Decision {
        rationale = rationale.strip();
        if (rationale.isEmpty()) {
            throw new IllegalArgumentException("A decision states its rationale");
        }
        if (rationale.length() > MAX_RATIONALE) {
            throw new IllegalArgumentException("A rationale is at most " + MAX_RATIONALE + " characters");
        }
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("A decision names at least one reason it answers");
        }
        reasons = Set.copyOf(EnumSet.copyOf(reasons));
        if (!followUpOn.isAfter(decidedOn)) {
            throw new IllegalArgumentException("The follow-up date comes after the day of the decision (" + decidedOn + ")");
        }
        if (followUpOn.isAfter(decidedOn.plusYears(1))) {
            throw new IllegalArgumentException("The follow-up date is within a year of the decision");
        }
    }

    public DecisionType type() {
        return details.type();
    }

    /** A new decision that corrects this one; this one stays as it was. */
    public Decision supersededBy(DecisionDetails newDetails, String newRationale, Set<StallReason> newReasons, UserId newOwner,
            LocalDate newFollowUp, UserId by, Instant at, LocalDate on) {
        if (id == null) {
            throw new IllegalStateException("Only a recorded decision can be superseded");
        }
        return new Decision(null, caseId, meeting, newDetails, newRationale, newReasons, newOwner, newFollowUp, by, at, on,
                statusAtDecision, primaryScoreAtDecision, id);
    }

    public boolean isFollowUpDue(LocalDate today) {
        return !followUpOn.isAfter(today);
    }
}
