package org.unstuck.web.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;

/** One row of an import file that passed every check of its own. */
record ImportRow(int line, String sessionId, String clientCode, String caseRef, String therapist, long therapistId,
        String approach, String presentingProblem, String primaryMeasure, @Nullable String allianceMeasure,
        LocalDate date, Attendance attendance, Homework homework, Map<String, BigDecimal> scores) {
}
