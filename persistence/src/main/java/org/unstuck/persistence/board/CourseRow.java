package org.unstuck.persistence.board;

import org.jspecify.annotations.Nullable;

/**
 * One case as the caseload-health report counts it: who, which approach, open or not, flagged or
 * not, and its primary measure's first and last scores over its attended sessions.
 */
public record CourseRow(String therapist, String approach, boolean open, boolean flagged, String measureCode,
        int attendedSessions, @Nullable Double firstScore, @Nullable Double lastScore) {
}
