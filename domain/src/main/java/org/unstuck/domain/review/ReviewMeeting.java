package org.unstuck.domain.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.practice.UserId;

/**
 * A supervisor's review meeting: its date, who attends, and the agenda of cases, in order, each
 * once.
 *
 * @param version the stored version this state was read at
 */
public record ReviewMeeting(@Nullable MeetingId id, long version, UserId supervisor, LocalDate date, Set<UserId> attendees,
        List<AgendaItem> agenda) {

    public ReviewMeeting {
        attendees = Set.copyOf(attendees);
        agenda = List.copyOf(agenda);
        var seen = new HashSet<CaseId>();
        for (var item : agenda) {
            if (!seen.add(item.caseId())) {
                throw new IllegalArgumentException("A case is on the agenda once");
            }
        }
    }

    public static ReviewMeeting plan(UserId supervisor, LocalDate date, Set<UserId> attendees, List<AgendaItem> agenda) {
        return new ReviewMeeting(null, 0, supervisor, date, attendees, agenda);
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
        return new ReviewMeeting(id, version, supervisor, date, attendees, items);
    }

    public ReviewMeeting remove(CaseId caseId) {
        var items = agenda.stream().filter(item -> !item.caseId().equals(caseId)).toList();
        if (items.size() == agenda.size()) {
            throw new IllegalArgumentException("That case is not on the agenda");
        }
        return new ReviewMeeting(id, version, supervisor, date, attendees, items);
    }
}
