package org.unstuck.web.review;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.AgendaBuilder;
import org.unstuck.domain.review.AgendaItem;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.MeetingId;
import org.unstuck.domain.review.ReviewMeeting;
import org.unstuck.domain.review.ReviewMeetings;
import org.unstuck.persistence.board.BoardFilter;
import org.unstuck.persistence.board.CaseBoards;
import org.unstuck.persistence.board.CaseRow;
import org.unstuck.web.audit.AuditRecorder;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.security.CurrentActor;

/**
 * A supervisor's review meetings: planned with an agenda of their supervisees' stalled and
 * deteriorating cases and the decisions due for follow-up; the minutes are the decisions
 * recorded in the meeting.
 */
@Service
@Transactional
public class MeetingService {

    /** How many board rows an agenda is built from; a supervisor's team holds far fewer open cases. */
    private static final int WHOLE_BOARD = 10_000;

    private final CurrentActor currentActor;
    private final ReviewMeetings meetings;
    private final Decisions decisions;
    private final CaseBoards boards;
    private final SupervisionPairs supervision;
    private final UserAccounts accounts;
    private final AuditRecorder audit;
    private final Clock clock;

    MeetingService(CurrentActor currentActor, ReviewMeetings meetings, Decisions decisions, CaseBoards boards,
            SupervisionPairs supervision, UserAccounts accounts, AuditRecorder audit, Clock clock) {
        this.currentActor = currentActor;
        this.meetings = meetings;
        this.decisions = decisions;
        this.boards = boards;
        this.supervision = supervision;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The practice's today, for the dates a form offers. */
    @PermitAll
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** One meeting as its screen shows it: the agenda with each case's board row, and the minutes so far. */
    public record MeetingDetail(ReviewMeeting meeting, List<String> attendeeNames, List<AgendaRow> agenda,
            List<Decision> minutes) {
    }

    public record AgendaRow(AgendaItem item, CaseRow caseRow) {
    }

    public record MeetingSummary(long id, LocalDate date, int agendaItems, int decisions) {
    }

    @RolesAllowed("SUPERVISOR")
    @Transactional(readOnly = true)
    public List<MeetingSummary> myMeetings() {
        var mine = meetings.ofSupervisor(currentActor.actor().id());
        var recorded = decisions.countInMeetings(mine.stream().map(meeting -> Objects.requireNonNull(meeting.id())).toList());
        return mine.stream()
                .map(meeting -> new MeetingSummary(Objects.requireNonNull(meeting.id()).value(), meeting.date(),
                        meeting.agenda().size(), recorded.getOrDefault(meeting.id(), 0)))
                .toList();
    }

    /** The supervisees who can be invited. */
    @RolesAllowed("SUPERVISOR")
    @Transactional(readOnly = true)
    public List<UserAccount> invitable() {
        return supervision.superviseesOf(currentActor.actor().id());
    }

    /** Plans a meeting; its agenda is built from the board and the follow-ups due by its date. */
    @RolesAllowed("SUPERVISOR")
    public long plan(LocalDate date, Set<UserId> attendees) {
        var me = currentActor.actor();
        var today = LocalDate.now(clock);
        if (date == null || date.isBefore(today) || date.isAfter(today.plusYears(1))) {
            throw new InvalidEntryException(Map.of("date", "Choose a meeting date from today to a year ahead."));
        }
        var team = me.supervisees();
        if (!team.containsAll(attendees)) {
            throw new InvalidEntryException(Map.of("attendees", "Invite your own supervisees."));
        }
        var board = boards.reviewBoard(me.id(), BoardFilter.everything(), date, 0, WHOLE_BOARD);
        var onBoard = board.stream()
                .map(row -> new AgendaBuilder.CaseOnBoard(new CaseId(row.caseId()), row.status(),
                        row.statusSince() == null ? today : row.statusSince()))
                .toList();
        var teamCases = board.stream().map(CaseRow::caseId).collect(Collectors.toSet());
        var due = decisions.followUpsDueBy(date).stream()
                .filter(decision -> teamCases.contains(decision.caseId().value()))
                .toList();
        var everyone = new HashSet<>(attendees);
        everyone.add(me.id());
        var saved = meetings.save(ReviewMeeting.plan(me.id(), date, everyone, AgendaBuilder.build(onBoard, due, date)));
        audit.allowed("meeting.plan", null, "meeting " + Objects.requireNonNull(saved.id()).value());
        return saved.id().value();
    }

    @RolesAllowed("SUPERVISOR")
    public MeetingDetail meeting(long meetingNumber) {
        var meeting = mine(meetingNumber);
        var me = currentActor.actor().id();
        Map<Long, CaseRow> rows = new HashMap<>();
        boards.reviewBoardRows(me, meeting.agenda().stream().map(item -> item.caseId().value()).toList(), meeting.date())
                .forEach(row -> rows.put(row.caseId(), row));
        var agenda = meeting.agenda().stream()
                .filter(item -> rows.containsKey(item.caseId().value()))
                .map(item -> new AgendaRow(item, rows.get(item.caseId().value())))
                .toList();
        var everyone = accounts.displayNames();
        var names = meeting.attendees().stream().map(attendee -> everyone.getOrDefault(attendee, "")).sorted().toList();
        audit.allowed("meeting.read", null, "meeting " + meetingNumber);
        return new MeetingDetail(meeting, names, agenda, decisions.inMeeting(new MeetingId(meetingNumber)));
    }

    @RolesAllowed("SUPERVISOR")
    public void move(long meetingNumber, long caseId, int newIndex) {
        meetings.save(mine(meetingNumber).move(new CaseId(caseId), newIndex));
    }

    @RolesAllowed("SUPERVISOR")
    public void remove(long meetingNumber, long caseId) {
        meetings.save(mine(meetingNumber).remove(new CaseId(caseId)));
    }

    private ReviewMeeting mine(long meetingNumber) {
        var me = currentActor.actor().id();
        var meeting = meetingNumber > 0 ? meetings.find(new MeetingId(meetingNumber)).orElse(null) : null;
        if (meeting == null || !meeting.supervisor().equals(me)) {
            audit.refused("meeting.read", null, "meeting " + meetingNumber);
            throw new MeetingNotFoundException(meetingNumber);
        }
        return meeting;
    }
}
