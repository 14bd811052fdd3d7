package org.unstuck.web.home;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.ReviewMeetings;
import org.unstuck.persistence.audit.AuditLog;
import org.unstuck.persistence.board.BoardFilter;
import org.unstuck.persistence.board.CaseBoards;
import org.unstuck.persistence.board.CaseRow;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.review.FollowUpService;
import org.unstuck.web.review.FollowUpService.FollowUpRow;
import org.unstuck.web.security.CurrentActor;

/**
 * What needs a supervisor now: the team's risk alerts not yet answered, what was flagged on the
 * team since their last sign-in, the
 * deteriorating cases, the follow-ups due this week, the next meeting they hold and the team's
 * counts per reason.
 */
@Service
public class SupervisorHome {

    /** Without an earlier sign-in, "new" means flagged within this many days. */
    static final int FIRST_VISIT_DAYS = 7;

    /** More cases than this in a list are left to the board, which the home links to. */
    static final int MOST_SHOWN = 50;

    /**
     * @param flaggedSince the first day counted as new: that of the previous sign-in, or a week ago
     * @param firstVisit whether there was no earlier sign-in to count from
     * @param newlyFlagged open cases whose flagged status began on or after that day, most severe first
     * @param followUpsDue the follow-ups due by the end of this week, those overdue included, the earliest first
     * @param boardSize how many open cases the team has
     * @param risks the team's open cases with a risk alert no decision has answered, the longest waiting first
     * @param now when the home was read, to tell overdue alerts
     */
    public record Contents(List<CaseRow> risks, int riskCount, Instant now, LocalDate flaggedSince, boolean firstVisit,
            List<CaseRow> newlyFlagged,
            List<CaseRow> deteriorating, int deterioratingCount, List<FollowUpRow> followUpsDue,
            @Nullable NextMeeting nextMeeting, Map<StallReason, Integer> perReason, int boardSize) {
    }

    private final CurrentActor currentActor;
    private final CaseBoards boards;
    private final AuditLog auditLog;
    private final FollowUpService followUps;
    private final ReviewMeetings meetings;
    private final AuditRecorder audit;
    private final Clock clock;

    SupervisorHome(CurrentActor currentActor, CaseBoards boards, AuditLog auditLog, FollowUpService followUps,
            ReviewMeetings meetings, AuditRecorder audit, Clock clock) {
        this.currentActor = currentActor;
        this.boards = boards;
        this.auditLog = auditLog;
        this.followUps = followUps;
        this.meetings = meetings;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed("SUPERVISOR")
    @Transactional
    public Contents read() {
        var me = currentActor.account();
        var id = Objects.requireNonNull(me.id());
        var today = LocalDate.now(clock);
        var previous = auditLog.previousSignIn(me.username().value())
                .map(at -> LocalDate.ofInstant(at, clock.getZone()));
        var since = previous.orElse(today.minusDays(FIRST_VISIT_DAYS));
        var newlyFlagged = boards.flaggedSince(id, since, today, MOST_SHOWN);
        var atRisk = new BoardFilter(null, null, CaseStatus.RISK);
        var risks = boards.reviewBoard(id, atRisk, today, 0, MOST_SHOWN);
        var deteriorating = new BoardFilter(null, null, CaseStatus.DETERIORATING);
        var worse = boards.reviewBoard(id, deteriorating, today, 0, MOST_SHOWN);
        var next = meetings.nextHeldBy(id, today)
                .map(meeting -> new NextMeeting(Objects.requireNonNull(meeting.id()).value(), meeting.date(),
                        meeting.startsAt(), meeting.place(), me.displayName(), meeting.agenda().size(), List.of()))
                .orElse(null);
        audit.allowed("home.read", null, risks.size() + " risk alerts, " + newlyFlagged.size() + " newly flagged, "
                + worse.size() + " deteriorating");
        return new Contents(risks, boards.reviewBoardSize(id, atRisk), clock.instant(), since, previous.isEmpty(), newlyFlagged, worse, boards.reviewBoardSize(id, deteriorating),
                followUps.dueThisWeek(), next, boards.reviewBoardReasons(id, BoardFilter.everything()),
                boards.reviewBoardSize(id, BoardFilter.everything()));
    }
}
