package org.unstuck.domain.caseload;

import java.time.LocalDate;
import java.util.List;

/** The sessions of each case. A case has at most one standing session a day. */
public interface Sessions {

    /** A case's standing sessions in date order; voided ones are left out. */
    List<Session> of(CaseId caseId);

    /** Every session of a case in date order, voided ones included with their reason. */
    List<RecordedSession> history(CaseId caseId);

    void add(CaseId caseId, Session session);

    /**
     * Voids the case's standing session of that day; it stays in the history.
     *
     * @throws IllegalArgumentException when the case has no standing session that day
     */
    void voidSession(CaseId caseId, LocalDate date, SessionVoid voided);
}
