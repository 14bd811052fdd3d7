package org.unstuck.persistence.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unstuck.db.StatementLog;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.AgendaItem;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.MeetingId;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.Referral;
import org.unstuck.domain.review.Referrals;
import org.unstuck.domain.review.ReviewMeeting;
import org.unstuck.domain.review.ReviewMeetings;
import org.unstuck.persistence.PostgresTest;
import org.unstuck.persistence.PracticeFixture;

@PostgresTest
class MeetingsAndReferralsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private static final Instant AT = Instant.parse("2026-11-26T11:00:00Z");
    private static final LocalTime TEN = LocalTime.of(10, 0);

    @Autowired ReviewMeetings meetings;
    @Autowired Referrals referrals;
    @Autowired Decisions decisions;
    @Autowired PracticeFixture practice;
    @Autowired StatementLog log;

    @Test
    void a_meeting_with_its_attendees_and_ordered_agenda_round_trips_and_a_stale_edit_is_refused() {
        var supervisor = practice.user("sara", Role.SUPERVISOR);
        var therapist = practice.user("tom", Role.THERAPIST);
        var first = practice.openCase(therapist, DAY.minusMonths(2));
        var second = practice.openCase(therapist, DAY.minusMonths(1));
        var stored = meetings.save(ReviewMeeting.plan(supervisor, DAY.plusDays(3), TEN, "Room 2", Set.of(therapist), List.of(
                new AgendaItem(first, AgendaItem.Why.DETERIORATING, null),
                new AgendaItem(second, AgendaItem.Why.STALLED, null))));

        assertThat(meetings.find(stored.id())).contains(stored);
        assertThat(meetings.ofSupervisor(supervisor)).containsExactly(stored);

        var reordered = meetings.save(stored.move(second, 0));
        assertThat(reordered.agenda()).extracting(AgendaItem::caseId).containsExactly(second, first);

        assertThatThrownBy(() -> meetings.save(stored.remove(first))).isInstanceOf(ConcurrentChangeException.class);
        assertThat(meetings.find(stored.id()).orElseThrow().agenda()).hasSize(2);
    }

    @Test
    void a_supervisors_meetings_and_their_decision_counts_take_the_same_statements_however_many_there_are() {
        var supervisor = practice.user("stan", Role.SUPERVISOR);
        var therapist = practice.user("tess", Role.THERAPIST);
        var stored = new ArrayList<ReviewMeeting>();
        for (int i = 0; i < 5; i++) {
            var caseId = practice.openCase(therapist, DAY.minusMonths(2));
            stored.add(meetings.save(ReviewMeeting.plan(supervisor, DAY.plusDays(i + 1), TEN, "Room 2", Set.of(therapist),
                    List.of(new AgendaItem(caseId, AgendaItem.Why.STALLED, null)))));
            if (i < 2) {
                decisions.record(new Decision(null, caseId, stored.getLast().id(), new DecisionDetails.ContinuePlan(),
                        "Give it four more sessions.", Set.of(StallReason.ALLIANCE), therapist, DAY.plusWeeks(4), supervisor,
                        Instant.now().truncatedTo(ChronoUnit.MICROS), DAY, CaseStatus.STALLED, 15.0, null));
            }
        }
        var ids = stored.stream().map(ReviewMeeting::id).toList();

        var counts = new HashMap<MeetingId, Integer>();
        var statements = log.recording(() -> {
            var read = meetings.ofSupervisor(supervisor);
            counts.putAll(decisions.countInMeetings(ids));
            return read;
        });
        var read = statements.value();

        assertThat(statements.statements()).as("meetings, attendees, agendas, decision counts").hasSize(4);
        assertThat(read).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(counts).containsOnlyKeys(ids.get(0), ids.get(1)).containsValues(1, 1);
        assertThat(decisions.countInMeetings(List.of())).isEmpty();
    }

    @Test
    void a_referral_is_answered_once() {
        var supervisor = practice.user("sven", Role.SUPERVISOR);
        var from = practice.user("fay", Role.THERAPIST);
        var to = practice.user("tia", Role.THERAPIST);
        var caseId = practice.openCase(from, DAY.minusMonths(2));
        var decision = decisions.record(new Decision(null, caseId, null, new DecisionDetails.ReferToColleague(to),
                "Fay finds this client hard to work with; Tia has trauma training.",
                Set.of(StallReason.THERAPIST_RETICENCE), from, DAY.plusWeeks(4), supervisor, AT, DAY, CaseStatus.STALLED,
                null, null));
        var proposed = referrals.save(Referral.propose(decision.id(), caseId, from, to));
        assertThat(referrals.proposedTo(to)).containsExactly(proposed);

        var accepted = referrals.save(proposed.accept(to, AT.plusSeconds(3600)));
        assertThat(accepted.state()).isEqualTo(Referral.State.ACCEPTED);
        assertThat(accepted.answeredAt()).isEqualTo(AT.plusSeconds(3600).truncatedTo(ChronoUnit.MICROS));
        assertThat(referrals.proposedTo(to)).isEmpty();

        assertThatThrownBy(() -> referrals.save(proposed.decline(to, "Caseload full", AT.plusSeconds(7200))))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(referrals.find(proposed.id()).orElseThrow().state()).isEqualTo(Referral.State.ACCEPTED);
    }
}
