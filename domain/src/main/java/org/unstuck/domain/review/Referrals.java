package org.unstuck.domain.review;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;

/** Referrals between colleagues. */
public interface Referrals {

    Optional<Referral> find(long id);

    Referral save(Referral referral);

    /** Referrals waiting for this therapist's answer. */
    List<Referral> proposedTo(UserId therapist);

    /** A case's referrals, oldest first. */
    List<Referral> onCase(CaseId caseId);

    /** The referral each of these decisions made, for those that made one. */
    Map<DecisionId, Referral> ofDecisions(Collection<DecisionId> decisions);
}
