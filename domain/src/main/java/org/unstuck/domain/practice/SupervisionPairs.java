package org.unstuck.domain.practice;

import java.util.List;

/**
 * Who supervises whom. A supervisor supervises several therapists, and a therapist may have more
 * than one supervisor.
 */
public interface SupervisionPairs {

    void add(UserId supervisor, UserId therapist);

    /** Ends a pairing; nothing happens when there is none. */
    void remove(UserId supervisor, UserId therapist);

    /** The accounts a supervisor supervises, ordered by display name. */
    List<UserAccount> superviseesOf(UserId supervisor);

    /** The accounts that supervise a therapist, ordered by display name. */
    List<UserAccount> supervisorsOf(UserId therapist);

    /**
     * Everyone with open cases and no enabled supervisor, ordered by display name: every caseload
     * should have someone who reviews it.
     */
    List<UnsupervisedCaseload> unsupervisedCaseloads();
}
