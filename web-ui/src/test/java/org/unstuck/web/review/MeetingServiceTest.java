package org.unstuck.web.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.review.AgendaItem;
import org.unstuck.domain.review.DecisionType;
import org.unstuck.domain.review.MeetingId;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.InvalidEntryException;

@UnstuckAppTest
class MeetingServiceTest {

    private static final LocalTime TWO_PM = LocalTime.of(14, 0);

    @Autowired MeetingService meetings;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired DecisionService decisionService;

    private void signInAs(String username) {
        TestSignIn.as(users, username);
    }

    private Set<UserId> team() {
        return meetings.invitable().stream().map(UserAccount::id).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private long plan(LocalDate date) {
        return meetings.plan(date, TWO_PM, "Supervision room", team());
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_planned_agenda_holds_the_teams_risk_alerts_then_deteriorating_then_stalled_cases() {
        var id = plan(LocalDate.now().plusDays(2));
        var detail = meetings.meeting(id);

        assertThat(detail.agenda()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.caseRow().therapistName()).isIn("Alex Morgan", "Sam Okafor", "Jordan Reyes", "Dr Daniel Costa");
            if (row.item().why() != AgendaItem.Why.FOLLOW_UP_DUE) {
                assertThat(row.caseRow().status()).isIn(CaseStatus.RISK, CaseStatus.STALLED, CaseStatus.DETERIORATING);
            }
        });
        var whys = detail.agenda().stream().map(row -> row.item().why()).toList();
        assertThat(whys).isSortedAccordingTo(Enum::compareTo);
        assertThat(detail.attendeeNames()).contains("Dr Ruth Lindqvist", "Alex Morgan");
        assertThat(detail.meeting().startsAt()).isEqualTo(TWO_PM);
        assertThat(detail.meeting().place()).isEqualTo("Supervision room");
        assertThat(detail.mayWalk()).isFalse();
    }

    @Test
    @WithUserDetails("supervisor1")
    void the_agenda_holds_only_the_cases_of_the_therapists_who_attend() {
        var alex = meetings.invitable().stream().filter(account -> account.displayName().equals("Alex Morgan")).findFirst()
                .orElseThrow();
        var id = meetings.plan(LocalDate.now().plusDays(2), TWO_PM, "https://meet.jit.si/unstuck-review", Set.of(alex.id()));

        var agenda = meetings.meeting(id).agenda();

        assertThat(agenda).isNotEmpty().allSatisfy(row -> assertThat(row.caseRow().therapistName()).isEqualTo("Alex Morgan"));
        assertThat(meetings.addable(id)).isNotEmpty()
                .allSatisfy(row -> assertThat(row.therapistName()).isEqualTo("Alex Morgan"))
                .noneMatch(row -> agenda.stream().anyMatch(item -> item.caseRow().caseId() == row.caseId()));
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_meeting_needs_a_day_from_today_a_time_a_place_and_an_attendee_from_the_team() {
        assertThatThrownBy(() -> meetings.plan(LocalDate.now().minusDays(1), null, " ", Set.of()))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                        .containsOnlyKeys("date", "time", "place", "attendees")
                        .containsEntry("attendees", "Attendees: invite at least one of your supervisees."));
        var stranger = jdbc.sql("SELECT id FROM user_account WHERE username = 'therapist4'").query(Long.class).single();
        assertThatThrownBy(() -> meetings.plan(LocalDate.now(), TWO_PM, "Room 2", Set.of(new UserId(stranger))))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                        .containsOnlyKeys("attendees"));
    }

    @Test
    @WithUserDetails("supervisor1")
    void the_schema_refuses_a_meeting_without_a_place_or_anyone_but_its_supervisor() {
        var supervisor = jdbc.sql("SELECT id FROM user_account WHERE username = 'supervisor1'").query(Long.class).single();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO review_meeting (supervisor_id, meeting_date, starts_at, place) VALUES (:s, CURRENT_DATE, '10:00', ' ')""")
                .param("s", supervisor).update()))
                .hasMessageContaining("review_meeting_place_given");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO review_meeting (supervisor_id, meeting_date, starts_at, place) VALUES (:s, CURRENT_DATE, '10:00', 'Room 2')""")
                .param("s", supervisor).update()))
                .hasMessageContaining("at least one attendee besides its supervisor");
    }

    @Test
    @WithUserDetails("supervisor1")
    void the_agenda_can_be_reordered_trimmed_with_undo_and_added_to_and_stays_so() {
        var id = plan(LocalDate.now().plusDays(3));
        var agenda = meetings.meeting(id).agenda();
        var last = agenda.getLast().caseRow().caseId();
        var first = agenda.getFirst().caseRow().caseId();

        meetings.move(id, last, 0);
        var removed = meetings.remove(id, first);

        var now = meetings.meeting(id).agenda();
        assertThat(now.getFirst().caseRow().caseId()).isEqualTo(last);
        assertThat(now).hasSize(agenda.size() - 1).noneMatch(row -> row.caseRow().caseId() == first);

        meetings.restore(id, removed);
        assertThat(meetings.meeting(id).agenda()).extracting(row -> row.caseRow().caseId()).hasSize(agenda.size())
                .startsWith(last, first);

        var extra = meetings.addable(id).getFirst().caseId();
        meetings.add(id, extra);
        var added = meetings.meeting(id).agenda().getLast();
        assertThat(added.caseRow().caseId()).isEqualTo(extra);
        assertThat(added.item().why()).isEqualTo(AgendaItem.Why.ADDED);
        assertThatThrownBy(() -> meetings.add(id, extra)).isInstanceOf(InvalidEntryException.class);
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_case_of_a_therapist_who_does_not_attend_cannot_be_added() {
        var alex = meetings.invitable().stream().filter(account -> account.displayName().equals("Alex Morgan")).findFirst()
                .orElseThrow();
        var id = meetings.plan(LocalDate.now().plusDays(3), TWO_PM, "Room 2", Set.of(alex.id()));
        var otherTeams = jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = 'therapist2' AND c.closed_on IS NULL ORDER BY c.id LIMIT 1""").query(Long.class).single();

        assertThatThrownBy(() -> meetings.add(id, otherTeams))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                        .containsEntry("case", "Case: choose an open case of one of the attendees."));
        assertThat(meetings.meeting(id).agenda()).noneMatch(row -> row.caseRow().caseId() == otherTeams);
    }

    @Test
    @WithUserDetails("supervisor1")
    void the_walk_through_keeps_its_place_is_refused_before_the_day_and_ends_with_the_undecided_cases() {
        var later = plan(LocalDate.now().plusDays(1));
        assertThatThrownBy(() -> meetings.walkTo(later, 0))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                        .containsKey("walk"));
        assertThat(meetings.meeting(later).meeting().walkPosition()).isNull();

        var today = plan(LocalDate.now());
        var detail = meetings.meeting(today);
        assertThat(detail.mayWalk()).isTrue();
        meetings.walkTo(today, 1);
        assertThat(meetings.meeting(today).meeting().walkPosition()).isEqualTo(1);

        meetings.remove(today, detail.agenda().getFirst().caseRow().caseId());
        assertThat(meetings.meeting(today).meeting().walkPosition()).as("the walk stays on the case it showed").isZero();

        var size = meetings.meeting(today).agenda().size();
        meetings.walkTo(today, size);
        var closing = meetings.meeting(today);
        assertThat(closing.meeting().walkPosition()).isEqualTo(size);
        assertThat(closing.undecided()).hasSize(size);
        assertThatThrownBy(() -> meetings.walkTo(today, size + 1)).isInstanceOf(InvalidEntryException.class);
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_decision_joins_the_minutes_from_the_meetings_day_only_for_a_case_on_its_agenda() {
        var later = plan(LocalDate.now().plusDays(2));
        var onAgenda = meetings.meeting(later).agenda().getFirst().caseRow();
        var entry = new DecisionEntry(DecisionType.CONTINUE, null, null, null, "Give the plan four more weeks.",
                Set.of(), LocalDate.now().plusWeeks(4));

        assertThatThrownBy(() -> decisionService.record(onAgenda.caseId(), entry, new MeetingId(later)))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors().get("meeting"))
                        .startsWith("Meeting: it is on "));
        var today = plan(LocalDate.now());
        var offAgenda = meetings.addable(today).getFirst().caseId();
        assertThatThrownBy(() -> decisionService.record(offAgenda, entry, new MeetingId(today)))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal -> assertThat(refusal.fieldErrors())
                        .containsEntry("meeting", "Meeting: the case is not on this meeting's agenda."));
        assertThat(meetings.meeting(today).minutes()).isEmpty();
    }

    @Test
    void another_supervisor_cannot_open_the_meeting_and_a_therapist_plans_none() {
        signInAs("supervisor1");
        var id = plan(LocalDate.now().plusDays(4));
        signInAs("supervisor2");
        assertThatThrownBy(() -> meetings.meeting(id)).isInstanceOf(MeetingNotFoundException.class);
        assertThatThrownBy(() -> meetings.walkTo(id, 0)).isInstanceOf(MeetingNotFoundException.class);
        signInAs("therapist1");
        assertThatThrownBy(() -> meetings.myMeetings()).isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
    }
}
