package org.unstuck.web.reports;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.AgendaItem;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.MeetingId;
import org.unstuck.reports.meeting.MeetingPack;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.caseload.CaseCharts;
import org.unstuck.web.caseload.CaseDetail;
import org.unstuck.web.caseload.CaseloadService;
import org.unstuck.web.common.DecisionWording;
import org.unstuck.web.common.Texts;
import org.unstuck.web.review.MeetingPacks;
import org.unstuck.web.review.MeetingService;

/**
 * The review-meeting pack of one of the supervisor's meetings. Each case is read through the case
 * page's own service, so the same access rules and audit apply, and a reflective note is in the
 * pack only when the reader may read it.
 */
@Service
@Transactional
public class MeetingPackService implements MeetingPacks {

    private final MeetingService meetings;
    private final CaseloadService caseload;
    private final MeetingCardService cards;
    private final AuditRecorder audit;
    private final Clock clock;

    MeetingPackService(MeetingService meetings, CaseloadService caseload, MeetingCardService cards, AuditRecorder audit,
            Clock clock) {
        this.meetings = meetings;
        this.caseload = caseload;
        this.cards = cards;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @RolesAllowed("SUPERVISOR")
    public MeetingPack pack(long meetingNumber, Texts texts) {
        var detail = meetings.meeting(meetingNumber);
        var names = detail.names();
        var due = cards.dueBy(detail.meeting().date());
        var meeting = new MeetingId(meetingNumber);
        var items = detail.agenda().stream()
                .map(row -> item(caseload.casePage(row.caseRow().caseId()), row.item(), meeting, detail.minutes(), due, names,
                        texts))
                .toList();
        audit.allowed("report.meeting-pack", null, "meeting " + meetingNumber + ", " + items.size() + " cases");
        return new MeetingPack(detail.meeting().date(), detail.meeting().startsAt(), detail.meeting().place(),
                names.getOrDefault(detail.meeting().supervisor(), ""), detail.attendeeNames(), LocalDate.now(clock), items);
    }

    private MeetingPack.Item item(CaseDetail theCase, AgendaItem agendaItem, MeetingId meeting, List<Decision> minutes,
            Set<DecisionId> due, Map<UserId, String> names, Texts texts) {
        var caseId = Objects.requireNonNull(theCase.theCase().id());
        var lines = new AgendaCaseLines(theCase, names, texts);
        var charts = Stream.of(CaseCharts.outcome(theCase, texts), CaseCharts.alliance(theCase, texts))
                .filter(Objects::nonNull).toList();
        var decisions = minutes.stream().filter(decision -> decision.caseId().equals(caseId))
                .map(decision -> new MeetingPack.DecisionLine(
                        DecisionWording.what(texts, decision.details(), person -> names.getOrDefault(person, "")),
                        decision.reasons().stream().map(reason -> texts.get("reason." + reason.name())).sorted()
                                .collect(Collectors.joining(", ")),
                        names.getOrDefault(decision.owner(), ""), decision.followUpOn(), decision.rationale()))
                .toList();
        var progress = theCase.progress();
        var status = progress == null ? texts.get("status.INSUFFICIENT_DATA") : texts.get("status." + progress.status().name());
        return new MeetingPack.Item(theCase.theCase().client().value(), theCase.therapistName(),
                theCase.theCase().approach().name(), status, texts.get("pack.why." + agendaItem.why().name()), lines.signals(),
                charts, lines.lastSessions(), lines.latestNote(clock.getZone()),
                lines.priorDecisions(meeting), lines.dueFollowUps(due), decisions);
    }
}
