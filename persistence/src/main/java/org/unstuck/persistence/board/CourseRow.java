package org.unstuck.persistence.board;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One case as the caseload-health report counts it: who, which approach, when it opened and closed,
 * flagged or not by the assessment in force on the period's last day, and its primary measure's first and last scores over its
 * attended sessions.
 */
public record CourseRow(String therapist, String approach, LocalDate openedOn, @Nullable LocalDate closedOn, boolean flagged,
        String measureCode,
        int attendedSessions, @Nullable Double firstScore, @Nullable Double lastScore) {
}
