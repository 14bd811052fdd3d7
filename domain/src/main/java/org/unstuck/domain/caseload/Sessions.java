package org.unstuck.domain.caseload;

import java.util.List;

/** The sessions of each case. */
public interface Sessions {

    /** A case's sessions in date order. */
    List<Session> of(CaseId caseId);

    void add(CaseId caseId, Session session);
}
