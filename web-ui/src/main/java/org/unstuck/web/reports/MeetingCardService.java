package org.unstuck.web.reports;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.MeetingId;
import org.unstuck.web.caseload.CaseloadService;
import org.unstuck.web.common.Texts;
import org.unstuck.web.review.MeetingCards;
import org.unstuck.web.review.MeetingService;
import org.unstuck.web.review.WalkCard;

/**
 * The walk-through card of an agenda case, read through the case page's own service, so the same
 * access rules and audit apply.
 */
@Service
@Transactional
public class MeetingCardService implements MeetingCards {

    private final MeetingService meetings;
    private final CaseloadService caseload;
    private final Decisions decisions;
    private final UserAccounts accounts;
    private final Clock clock;

    MeetingCardService(MeetingService meetings, CaseloadService caseload, Decisions decisions, UserAccounts accounts,
            Clock clock) {
        this.meetings = meetings;
        this.caseload = caseload;
        this.decisions = decisions;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @RolesAllowed("SUPERVISOR")
    public WalkCard card(long meetingNumber, long caseId, Texts texts) {
        var meeting = meetings.agendaMeeting(meetingNumber, caseId);
        var lines = new AgendaCaseLines(caseload.casePage(caseId), accounts.displayNames(), texts);
        return new WalkCard(lines.signals(), lines.lastSessions(), lines.noteSummary(clock.getZone()),
                lines.priorDecisions(new MeetingId(meetingNumber)), lines.dueFollowUps(dueBy(meeting.date())));
    }

    /** The decisions whose follow-up is due by the day. */
    @RolesAllowed("SUPERVISOR")
    @Transactional(readOnly = true)
    public Set<DecisionId> dueBy(LocalDate day) {
        return decisions.followUpsDueBy(day).stream().map(Decision::id).collect(Collectors.toSet());
    }
}
