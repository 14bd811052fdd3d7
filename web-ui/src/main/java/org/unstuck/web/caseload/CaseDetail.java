package org.unstuck.web.caseload;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.RecordedSession;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.domain.progress.AssessedStatus;
import org.unstuck.domain.progress.ProgressSnapshot;
import org.unstuck.domain.progress.RiskAlert;
import org.unstuck.domain.progress.TrajectoryModel.IntakeBand;
import org.unstuck.domain.review.Decision;
import org.unstuck.persistence.board.TrajectoryPoint;

/**
 * Everything the case page shows, already cut to what the viewer may see: notes only for their
 * author and the author's supervisors.
 *
 * @param expectedCourse the intake band of the case's first score, fitted or saying how many finished cases it lacks
 * @param statusHistory every change of the case's assessment, oldest first
 * @param today the practice's today, the last day the status history reaches unless the case closed
 * @param sessions the standing sessions, the ones every score and rule uses
 * @param sessionHistory every session, voided ones included with their reason
 * @param plannedEndingOn the day a planned ending was decided on this open case and not superseded, else null
 * @param emergencyReason the stated reason when the page is read under break-glass access, else null
 * @param openRiskAlerts the risk alerts no decision has answered yet, oldest session first
 * @param riskOverdue whether one of those alerts has waited more than a day for its answer
 * @param mayAnswerRisk whether the viewer may review or escalate those alerts
 */
public record CaseDetail(
        TherapyCase theCase,
        String therapistName,
        @Nullable ProgressSnapshot progress,
        List<AssessedStatus> statusHistory,
        LocalDate today,
        List<Session> sessions,
        List<RecordedSession> sessionHistory,
        List<TrajectoryPoint> trajectory,
        List<Decision> decisions,
        List<ReflectiveNote> notes,
        @Nullable IntakeBand expectedCourse,
        double trajectoryToleranceZ,
        boolean mayRecord,
        boolean mayWriteNotes,
        boolean mayDecide,
        boolean mayClose,
        @Nullable LocalDate plannedEndingOn,
        @Nullable String emergencyReason,
        List<RiskAlert> openRiskAlerts,
        boolean riskOverdue,
        boolean mayAnswerRisk) {
}
