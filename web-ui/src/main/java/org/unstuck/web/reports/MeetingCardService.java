package org.unstuck.web.reports;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.Decisions;
import org.unstuck.web.caseload.CaseloadService;
import org.unstuck.web.common.Texts;
import org.unstuck.web.review.MeetingCards;
import org.unstuck.web.review.MeetingNotFoundException;
import org.unstuck.web.review.MeetingService;
import org.unstuck.web.review.WalkCard;

/**
 * The walk-through card of an agenda case, read through the case page's own service, so the same
 * access rules and audit apply.
 */
@Service
@Transactional
public class MeetingCardService implements MeetingCards {

    private final CaseloadService caseload;
    private final Decisions decisions;
    private final Clock clock;

    MeetingCardService(CaseloadService caseload, Decisions decisions, Clock clock) {
        this.caseload = caseload;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    @RolesAllowed("SUPERVISOR")
    public WalkCard card(MeetingService.MeetingDetail meeting, long caseId, Texts texts) {
        if (meeting.meeting().indexOf(new CaseId(caseId)) < 0) {
            throw new MeetingNotFoundException(Objects.requireNonNull(meeting.meeting().id()).value());
        }
        var lines = new AgendaCaseLines(caseload.casePage(caseId), meeting.names(), texts);
        var due = decisions.followUpsDueOnCase(new CaseId(caseId), meeting.meeting().date()).stream().map(Decision::id)
                .collect(Collectors.toSet());
        return new WalkCard(lines.signals(), lines.lastSessions(), lines.noteSummary(clock.getZone()),
                lines.priorDecisions(Objects.requireNonNull(meeting.meeting().id())), lines.dueFollowUps(due));
    }

    /** The decisions whose follow-up is due by the day. */
    @RolesAllowed("SUPERVISOR")
    @Transactional(readOnly = true)
    public Set<DecisionId> dueBy(LocalDate day) {
        return decisions.followUpsDueBy(day).stream().map(Decision::id).collect(Collectors.toSet());
    }
}
