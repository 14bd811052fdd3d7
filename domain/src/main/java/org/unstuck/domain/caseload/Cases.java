package org.unstuck.domain.caseload;

import java.util.List;
import java.util.Optional;
import org.unstuck.domain.practice.UserId;

/** The stored cases of the practice. */
public interface Cases {

    Optional<TherapyCase> find(CaseId id);

    /** Stores a new case or the new state of an existing one; returns it with its id. */
    TherapyCase save(TherapyCase aCase);

    /** A therapist's cases, open ones only unless asked otherwise. */
    List<TherapyCase> assignedTo(UserId therapist, boolean includeClosed);

    /** The client's open cases with this therapist, oldest first: more than one only for a confirmed second episode. */
    List<TherapyCase> openOfClientWith(ClientCode client, UserId therapist);

    /** The client's most recently opened case, open or closed. */
    Optional<TherapyCase> latestOfClient(ClientCode client);
}
