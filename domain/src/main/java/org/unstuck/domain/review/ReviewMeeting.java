package org.unstuck.domain.review;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;

/**
 * A supervisor's review meeting: its day, time and place (a room or a video link), who attends,
 * the agenda of cases, in order, each once, and where the walk-through stands.
 *
 * @param version the stored version this state was read at
 * @param walkPosition the agenda place the walk-through is at, the agenda's size for its closing step, null before it starts
 */
public record ReviewMeeting(@Nullable MeetingId id, long version, UserId supervisor, LocalDate date, LocalTime startsAt,
        String place, Set<UserId> attendees, List<AgendaItem> agenda, @Nullable Integer walkPosition) {

    public static final int PLACE_LENGTH = 300;

    public ReviewMeeting {
        place = place.strip();
        if (place.isEmpty() || place.length() > PLACE_LENGTH) {
            throw new IllegalArgumentException("A meeting's place is a room or a video link of 1 to " + PLACE_LENGTH
                    + " characters");
        }
        attendees = Set.copyOf(attendees);
        if (attendees.stream().allMatch(supervisor::equals)) {
            throw new IllegalArgumentException("A meeting has at least one attendee besides its supervisor");
        }
        agenda = List.copyOf(agenda);
        var seen = new HashSet<CaseId>();
        for (var item : agenda) {
            if (!seen.add(item.caseId())) {
                throw new IllegalArgumentException("A case is on the agenda once");
            }
        }
        if (walkPosition != null && (walkPosition < 0 || walkPosition > agenda.size())) {
            throw new IllegalArgumentException("The walk-through is at an agenda place from 0 to " + agenda.size());
        }
    }

    public static ReviewMeeting plan(UserId supervisor, LocalDate date, LocalTime startsAt, String place, Set<UserId> attendees,
            List<AgendaItem> agenda) {
        var everyone = new HashSet<>(attendees);
        everyone.add(supervisor);
        return new ReviewMeeting(null, 0, supervisor, date, startsAt, place, everyone, agenda, null);
    }

    /** The agenda with one item moved to a new place, counted from 0. */
    public ReviewMeeting move(CaseId caseId, int newIndex) {
        var items = new ArrayList<>(agenda);
        var item = items.stream().filter(candidate -> candidate.caseId().equals(caseId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("That case is not on the agenda"));
        if (newIndex < 0 || newIndex >= items.size()) {
            throw new IllegalArgumentException("An agenda place is 0 to " + (items.size() - 1) + "; got " + newIndex);
        }
        items.remove(item);
        items.add(newIndex, item);
        return withAgenda(items, walkPosition);
    }

    /** The agenda without the case; a walk-through past it stays on the case it was showing. */
    public ReviewMeeting remove(CaseId caseId) {
        var index = indexOf(caseId);
        if (index < 0) {
            throw new IllegalArgumentException("That case is not on the agenda");
        }
        var items = new ArrayList<>(agenda);
        items.remove(index);
        var position = walkPosition == null ? null
                : Math.min(walkPosition > index ? walkPosition - 1 : walkPosition, items.size());
        return withAgenda(items, position);
    }

    /** The agenda with the item at a place, counted from 0, or at the end when the place is past it; the walk keeps its case. */
    public ReviewMeeting insert(AgendaItem item, int index) {
        if (indexOf(item.caseId()) >= 0) {
            throw new IllegalArgumentException("That case is already on the agenda");
        }
        var items = new ArrayList<>(agenda);
        var place = Math.clamp(index, 0, items.size());
        items.add(place, item);
        var position = walkPosition == null ? null : walkPosition >= place ? walkPosition + 1 : walkPosition;
        return withAgenda(items, position);
    }

    /** The walk-through at an agenda place, the agenda's size for its closing step, or not walking when null. */
    public ReviewMeeting walkTo(@Nullable Integer position) {
        return new ReviewMeeting(id, version, supervisor, date, startsAt, place, attendees, agenda, position);
    }

    /** Whether the meeting may be run, and decisions join its minutes, on that day: from its own day on. */
    public boolean mayRunOn(LocalDate today) {
        return !today.isBefore(date);
    }

    public int indexOf(CaseId caseId) {
        for (int index = 0; index < agenda.size(); index++) {
            if (agenda.get(index).caseId().equals(caseId)) {
                return index;
            }
        }
        return -1;
    }

    private ReviewMeeting withAgenda(List<AgendaItem> items, @Nullable Integer position) {
        return new ReviewMeeting(id, version, supervisor, date, startsAt, place, attendees, items, position);
    }
}
