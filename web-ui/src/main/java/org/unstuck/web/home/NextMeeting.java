package org.unstuck.web.home;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A review meeting to come, as a home shows it.
 *
 * @param heldBy the supervisor who holds it
 * @param agendaSize how many cases its agenda holds
 * @param ownCases the reader's own cases on its agenda, when the reader attends it
 */
public record NextMeeting(long id, LocalDate date, LocalTime startsAt, String place, String heldBy, int agendaSize,
        List<OwnCase> ownCases) {

    public NextMeeting {
        ownCases = List.copyOf(ownCases);
    }

    public record OwnCase(long caseId, String clientCode) {
    }
}
