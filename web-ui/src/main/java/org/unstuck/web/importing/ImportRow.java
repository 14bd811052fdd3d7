package org.unstuck.web.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;

/**
 * One row of an import file that passed every check of its own.
 *
 * @param scores by measure code; the primary measure's total is its items' sum when the file gave only the items
 * @param primaryItems the primary measure's item scores in item order, or none
 */
record ImportRow(int line, String sessionId, String clientCode, String caseRef, String therapist, long therapistId,
        String approach, String presentingProblem, String primaryMeasure, @Nullable String allianceMeasure,
        LocalDate date, Attendance attendance, Homework homework, Map<String, BigDecimal> scores,
        List<Integer> primaryItems) {
}
