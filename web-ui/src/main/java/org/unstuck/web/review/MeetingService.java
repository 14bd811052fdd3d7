package org.unstuck.web.review;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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
import org.unstuck.web.common.Labels;
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

    /**
     * One meeting as its screen shows it: the agenda with each case's board row, and the minutes so far.
     *
     * @param mayWalk whether the meeting's day has come, so it can be run
     * @param clientCodes the client code of every case on the agenda or in the minutes
     * @param names the display names of the practice's people, for the colleagues decisions name
     */
    public record MeetingDetail(ReviewMeeting meeting, List<String> attendeeNames, List<AgendaRow> agenda,
            List<Decision> minutes, boolean mayWalk, Map<Long, String> clientCodes, Map<UserId, String> names) {

        /** The agenda cases with no decision recorded in this meeting yet. */
        public List<AgendaRow> undecided() {
            var decided = minutes.stream().map(decision -> decision.caseId().value()).collect(Collectors.toSet());
            return agenda.stream().filter(row -> !decided.contains(row.caseRow().caseId())).toList();
        }
    }

    public record AgendaRow(AgendaItem item, CaseRow caseRow) {
    }

    public record MeetingSummary(long id, LocalDate date, LocalTime startsAt, String place, int agendaItems, int decisions) {
    }

    /** A case taken off an agenda and the place it had, so that the removal can be undone. */
    public record Removed(AgendaItem item, int index) {
    }

    @RolesAllowed("SUPERVISOR")
    @Transactional(readOnly = true)
    public List<MeetingSummary> myMeetings() {
        var mine = meetings.ofSupervisor(currentActor.actor().id());
        var recorded = decisions.countInMeetings(mine.stream().map(meeting -> Objects.requireNonNull(meeting.id())).toList());
        return mine.stream()
                .map(meeting -> new MeetingSummary(Objects.requireNonNull(meeting.id()).value(), meeting.date(),
                        meeting.startsAt(), meeting.place(), meeting.agenda().size(),
                        recorded.getOrDefault(meeting.id(), 0)))
                .toList();
    }

    /** The supervisees who can be invited. */
    @RolesAllowed("SUPERVISOR")
    @Transactional(readOnly = true)
    public List<UserAccount> invitable() {
        return supervision.superviseesOf(currentActor.actor().id());
    }

    /**
     * Plans a meeting; its agenda is built from the attendees' cases on the board and their
     * follow-ups due by its date.
     */
    @RolesAllowed("SUPERVISOR")
    public long plan(LocalDate date, LocalTime startsAt, String place, Set<UserId> attendees) {
        var me = currentActor.actor();
        var today = LocalDate.now(clock);
        var errors = new LinkedHashMap<String, String>();
        if (date == null || date.isBefore(today) || date.isAfter(today.plusYears(1))) {
            errors.put("date", "Date: choose a meeting date from today to a year ahead.");
        }
        if (startsAt == null) {
            errors.put("time", "Time: give the time the meeting starts.");
        }
        var where = place == null ? "" : place.strip();
        if (where.isEmpty() || where.length() > ReviewMeeting.PLACE_LENGTH) {
            errors.put("place", "Place: give a room or a video link of 1 to " + ReviewMeeting.PLACE_LENGTH + " characters.");
        }
        if (attendees.isEmpty()) {
            errors.put("attendees", "Attendees: invite at least one of your supervisees.");
        } else if (!me.supervisees().containsAll(attendees)) {
            errors.put("attendees", "Attendees: invite your own supervisees.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidEntryException(errors);
        }
        var board = boards.reviewBoard(me.id(), BoardFilter.everything(), date, 0, WHOLE_BOARD).stream()
                .filter(row -> attendees.contains(new UserId(row.therapistId())))
                .toList();
        var onBoard = board.stream()
                .map(row -> new AgendaBuilder.CaseOnBoard(new CaseId(row.caseId()), row.status(),
                        row.statusSince() == null ? today : row.statusSince()))
                .toList();
        var attendeesCases = board.stream().map(CaseRow::caseId).collect(Collectors.toSet());
        var due = decisions.followUpsDueBy(date).stream()
                .filter(decision -> attendeesCases.contains(decision.caseId().value()))
                .toList();
        var saved = meetings.save(ReviewMeeting.plan(me.id(), date, startsAt, where, attendees,
                AgendaBuilder.build(onBoard, due, date)));
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
        var minutes = decisions.inMeeting(new MeetingId(meetingNumber));
        var caseIds = new HashSet<Long>();
        meeting.agenda().forEach(item -> caseIds.add(item.caseId().value()));
        minutes.forEach(decision -> caseIds.add(decision.caseId().value()));
        audit.allowed("meeting.read", null, "meeting " + meetingNumber);
        return new MeetingDetail(meeting, names, agenda, minutes, meeting.mayRunOn(LocalDate.now(clock)),
                boards.clientCodes(caseIds), everyone);
    }

    @RolesAllowed("SUPERVISOR")
    public void move(long meetingNumber, long caseId, int newIndex) {
        meetings.save(mine(meetingNumber).move(new CaseId(caseId), newIndex));
    }

    /** Takes a case off the agenda; answers what was removed, for an undo. */
    @RolesAllowed("SUPERVISOR")
    public Removed remove(long meetingNumber, long caseId) {
        var meeting = mine(meetingNumber);
        var trimmed = meeting.remove(new CaseId(caseId));
        var index = meeting.indexOf(new CaseId(caseId));
        meetings.save(trimmed);
        return new Removed(meeting.agenda().get(index), index);
    }

    /** Puts a removed case back at the place it had. */
    @RolesAllowed("SUPERVISOR")
    public void restore(long meetingNumber, Removed removed) {
        var meeting = mine(meetingNumber);
        teamCase(meeting, removed.item().caseId().value());
        meetings.save(meeting.insert(removed.item(), removed.index()));
    }

    /** The open cases of the attendees that are not on the agenda, most severe first, for adding by hand. */
    @RolesAllowed("SUPERVISOR")
    public List<CaseRow> addable(long meetingNumber) {
        var meeting = mine(meetingNumber);
        var onAgenda = meeting.agenda().stream().map(item -> item.caseId().value()).collect(Collectors.toSet());
        return attendeesCases(meeting).stream().filter(row -> !onAgenda.contains(row.caseId())).toList();
    }

    /** Adds one of the attendees' open cases at the end of the agenda. */
    @RolesAllowed("SUPERVISOR")
    public void add(long meetingNumber, long caseId) {
        var meeting = mine(meetingNumber);
        teamCase(meeting, caseId);
        if (meeting.indexOf(new CaseId(caseId)) >= 0) {
            throw new InvalidEntryException(Map.of("case", "Case: that case is already on the agenda."));
        }
        meetings.save(meeting.insert(new AgendaItem(new CaseId(caseId), AgendaItem.Why.ADDED, null), meeting.agenda().size()));
    }

    /**
     * Moves the walk-through to an agenda place, to the closing step at the agenda's size, or ends
     * it when null; a meeting is run from its day on.
     */
    @RolesAllowed("SUPERVISOR")
    public void walkTo(long meetingNumber, @Nullable Integer position) {
        var meeting = mine(meetingNumber);
        if (position != null && !meeting.mayRunOn(LocalDate.now(clock))) {
            throw new InvalidEntryException(Map.of("walk", "This meeting is on "
                    + Labels.longDate(meeting.date()) + "; it can be run from that day."));
        }
        if (position != null && (position < 0 || position > meeting.agenda().size())) {
            throw new InvalidEntryException(Map.of("walk", "The walk-through goes from case 1 to the closing step."));
        }
        meetings.save(meeting.walkTo(position));
    }

    /** One of the signed-in supervisor's meetings; another's answers as not found, audited. */
    @RolesAllowed("SUPERVISOR")
    public ReviewMeeting myMeeting(long meetingNumber) {
        return mine(meetingNumber);
    }

    private List<CaseRow> attendeesCases(ReviewMeeting meeting) {
        return boards.reviewBoard(meeting.supervisor(), BoardFilter.everything(), meeting.date(), 0, WHOLE_BOARD).stream()
                .filter(row -> meeting.attendees().contains(new UserId(row.therapistId())))
                .toList();
    }

    private void teamCase(ReviewMeeting meeting, long caseId) {
        if (attendeesCases(meeting).stream().noneMatch(row -> row.caseId() == caseId)) {
            throw new InvalidEntryException(Map.of("case", "Case: choose an open case of one of the attendees."));
        }
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
