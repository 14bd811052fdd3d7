package org.unstuck.web.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.review.AgendaItem;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.InvalidEntryException;

@UnstuckAppTest
class MeetingServiceTest {

    @Autowired MeetingService meetings;
    @Autowired UserDetailsService users;

    private void signInAs(String username) {
        TestSignIn.as(users, username);
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_planned_agenda_holds_the_teams_deteriorating_then_stalled_cases() {
        var id = meetings.plan(LocalDate.now().plusDays(2), Set.of());
        var detail = meetings.meeting(id);

        assertThat(detail.agenda()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.caseRow().therapistName()).isIn("Alex Morgan", "Sam Okafor", "Jordan Reyes", "Dr Daniel Costa");
            if (row.item().why() != AgendaItem.Why.FOLLOW_UP_DUE) {
                assertThat(row.caseRow().status()).isIn(CaseStatus.STALLED, CaseStatus.DETERIORATING);
            }
        });
        var whys = detail.agenda().stream().map(row -> row.item().why()).toList();
        assertThat(whys).isSortedAccordingTo(Enum::compareTo);
        assertThat(detail.attendeeNames()).containsExactly("Dr Ruth Lindqvist");
    }

    @Test
    @WithUserDetails("supervisor1")
    void the_agenda_can_be_reordered_and_trimmed_and_stays_so() {
        var id = meetings.plan(LocalDate.now().plusDays(3), Set.of());
        var agenda = meetings.meeting(id).agenda();
        var last = agenda.getLast().caseRow().caseId();
        var first = agenda.getFirst().caseRow().caseId();

        meetings.move(id, last, 0);
        meetings.remove(id, first);

        var now = meetings.meeting(id).agenda();
        assertThat(now.getFirst().caseRow().caseId()).isEqualTo(last);
        assertThat(now).hasSize(agenda.size() - 1).noneMatch(row -> row.caseRow().caseId() == first);
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_meeting_in_the_past_or_with_someone_elses_supervisee_is_refused() {
        assertThatThrownBy(() -> meetings.plan(LocalDate.now().minusDays(1), Set.of()))
                .isInstanceOfSatisfying(InvalidEntryException.class, refusal ->
                        assertThat(refusal.fieldErrors()).containsKey("date"));
    }

    @Test
    void another_supervisor_cannot_open_the_meeting_and_a_therapist_plans_none() {
        signInAs("supervisor1");
        var id = meetings.plan(LocalDate.now().plusDays(4), Set.of());
        signInAs("supervisor2");
        assertThatThrownBy(() -> meetings.meeting(id)).isInstanceOf(MeetingNotFoundException.class);
        signInAs("therapist1");
        assertThatThrownBy(() -> meetings.myMeetings()).isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
    }
}
