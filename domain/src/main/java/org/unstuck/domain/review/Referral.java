package org.unstuck.domain.review;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;

/**
 * A referral of a case to a colleague inside the practice, made by a "refer to a colleague"
 * decision. The colleague accepts or declines it; accepting moves the case.
 */
public record Referral(@Nullable Long id, DecisionId decision, CaseId caseId, UserId from, UserId to, State state,
        @Nullable Instant answeredAt, @Nullable String declineReason) {

    public enum State {
        PROPOSED,
        ACCEPTED,
        DECLINED
    }

    public Referral {
        if (from.equals(to)) {
            throw new IllegalArgumentException("A referral goes to another therapist");
        }
        if ((state == State.PROPOSED) != (answeredAt == null)) {
            throw new IllegalArgumentException("A referral is answered exactly when it is accepted or declined");
        }
        if (state == State.DECLINED && (declineReason == null || declineReason.isBlank())) {
            throw new IllegalArgumentException("A declined referral says why");
        }
    }

    public static Referral propose(DecisionId decision, CaseId caseId, UserId from, UserId to) {
        return new Referral(null, decision, caseId, from, to, State.PROPOSED, null, null);
    }

    public Referral accept(UserId by, Instant at) {
        requireProposedTo(by);
        return new Referral(id, decision, caseId, from, to, State.ACCEPTED, at, null);
    }

    public Referral decline(UserId by, String reason, Instant at) {
        requireProposedTo(by);
        return new Referral(id, decision, caseId, from, to, State.DECLINED, at, reason.strip());
    }

    private void requireProposedTo(UserId by) {
        if (state != State.PROPOSED) {
            throw new IllegalStateException("Only a proposed referral can be answered; this one is " + state);
        }
        if (!by.equals(to)) {
            throw new IllegalStateException("Only the colleague it is addressed to answers a referral");
        }
    }
}
