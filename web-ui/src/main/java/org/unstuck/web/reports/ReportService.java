package org.unstuck.web.reports;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.progress.CourseOutcome;
import org.unstuck.persistence.board.CourseRow;
import org.unstuck.persistence.board.CourseRows;
import org.unstuck.reports.health.CaseloadHealthReport;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.ReportPeriod;

/**
 * The caseload-health report of the whole practice for a period. It holds aggregates only — counts
 * and rates per therapist and approach — so supervisors and the practice manager both receive it.
 */
@Service
@Transactional
public class ReportService {

    private final CourseRows courses;
    private final AuditRecorder audit;
    private final Clock clock;

    ReportService(CourseRows courses, AuditRecorder audit, Clock clock) {
        this.courses = courses;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed({"SUPERVISOR", "PRACTICE_MANAGER"})
    public CaseloadHealthReport caseloadHealth(ReportPeriod period) {
        var today = LocalDate.now(clock);
        ReportPeriod.of(period.from(), period.to(), today);
        var rows = courses.openBetween(period.from(), period.to()).stream()
                .map(row -> new CaseloadHealthReport.Course(row.therapist(), row.approach(), row.openedOn(), row.closedOn(),
                        row.flagged(), outcome(row)))
                .toList();
        audit.allowed("report.caseload-health", null, period.from() + " to " + period.to() + ", " + rows.size() + " cases");
        return new CaseloadHealthReport(period.from(), period.to(), today, rows);
    }

    /** NHS Talking Therapies outcomes exist for courses tracked on PHQ-9 or GAD-7, scored at least twice. */
    private static CourseOutcome.@Nullable Pair pair(CourseRow row, String code) {
        return row.measureCode().equals(code) && row.firstScore() != null && row.lastScore() != null
                ? new CourseOutcome.Pair(row.firstScore(), row.lastScore()) : null;
    }

    private static @Nullable CourseOutcome outcome(CourseRow row) {
        var depression = pair(row, MeasureCatalogue.PHQ_9.code().value());
        var anxiety = pair(row, MeasureCatalogue.GAD_7.code().value());
        return depression == null && anxiety == null ? null : CourseOutcome.of(row.attendedSessions(), depression, anxiety);
    }
}
