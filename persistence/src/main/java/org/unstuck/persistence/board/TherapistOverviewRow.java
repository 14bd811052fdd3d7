package org.unstuck.persistence.board;

import org.unstuck.domain.credential.TherapistCompliance;

/** What the practice manager sees of a therapist: counts and credentials, no clinical data. */
public record TherapistOverviewRow(long therapistId, String displayName, String username, int openCases,
        int casesClosedLastYear, TherapistCompliance compliance) {
}
