package org.unstuck.domain.review;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.practice.UserId;

/**
 * The review of a decision's follow-up, after which it is no longer due: either a later decision on
 * the case answers it, or a supervisor marks it reviewed with no change, with an optional note.
 * Never changed; a referral declined afterwards opens the follow-up again.
 *
 * @param answeredBy the later decision that answers it; null when marked reviewed with no change
 * @param note why nothing changed, for a review with no change; never blank
 */
public record FollowUpReview(DecisionId followUp, @Nullable DecisionId answeredBy, UserId reviewedBy, Instant reviewedAt,
        LocalDate reviewedOn, @Nullable String note) {

    public static final int MAX_NOTE = 300;

    public FollowUpReview {
        if (followUp.equals(answeredBy)) {
            throw new IllegalArgumentException("A follow-up is answered by another, later decision");
        }
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && answeredBy != null) {
            throw new IllegalArgumentException("A note goes with a follow-up marked reviewed with no change");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("A review note is at most " + MAX_NOTE + " characters");
        }
    }

    /** The later decision answers the earlier one's follow-up, on the day and by the person who made it. */
    public static FollowUpReview answered(Decision followUp, Decision answering) {
        if (followUp.id() == null || answering.id() == null) {
            throw new IllegalArgumentException("Only recorded decisions answer one another");
        }
        if (!followUp.caseId().equals(answering.caseId()) || answering.decidedAt().isBefore(followUp.decidedAt())) {
            throw new IllegalArgumentException("A follow-up is answered by a later decision on the same case");
        }
        return new FollowUpReview(followUp.id(), answering.id(), answering.decidedBy(), answering.decidedAt(),
                answering.decidedOn(), null);
    }

    public static FollowUpReview noChange(DecisionId followUp, UserId by, Instant at, LocalDate on, @Nullable String note) {
        return new FollowUpReview(followUp, null, by, at, on, note);
    }

    public boolean isAnswered() {
        return answeredBy != null;
    }
}
