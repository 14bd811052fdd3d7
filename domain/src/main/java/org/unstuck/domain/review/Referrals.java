package org.unstuck.domain.review;

import java.util.List;
import java.util.Optional;
import org.unstuck.domain.practice.UserId;

/** Referrals between colleagues. */
public interface Referrals {

    Optional<Referral> find(long id);

    Referral save(Referral referral);

    /** Referrals waiting for this therapist's answer. */
    List<Referral> proposedTo(UserId therapist);
}
