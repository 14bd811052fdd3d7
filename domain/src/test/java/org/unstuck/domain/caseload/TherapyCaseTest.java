package org.unstuck.domain.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.credential.CredentialPolicy;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.credential.TherapistNotReadyException;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.Histories;

class TherapyCaseTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    @Test
    void a_case_is_not_opened_for_a_therapist_without_licence_and_insurance() {
        var noCredentials = TherapistCompliance.assess(new UserId(9), List.of(), List.of(), CredentialPolicy.defaults(), DAY);
        assertThatThrownBy(() -> TherapyCase.open(new ClientCode("C-1"), "Panic", new Approach("CBT"),
                MeasureCatalogue.GAD_7, MeasureCatalogue.SRS, DAY, new UserId(9), noCredentials))
                .isInstanceOf(TherapistNotReadyException.class)
                .hasMessage("This therapist cannot take new cases: licence missing, insurance missing");
    }

    @Test
    void a_transfer_moves_the_case_and_keeps_the_earlier_therapist_in_its_history() {
        var opened = TherapyCase.open(new ClientCode("C-1"), "Panic", new Approach("CBT"), MeasureCatalogue.GAD_7,
                MeasureCatalogue.SRS, DAY, Histories.THERAPIST, Histories.compliantTherapist(DAY));
        var colleague = new UserId(12);
        var moved = opened.transferTo(colleague, DAY.plusWeeks(3), "Referral accepted", Histories.compliantTherapist(DAY));

        assertThat(moved.therapist()).isEqualTo(colleague);
        assertThat(moved.transfers()).containsExactly(new Transfer(Histories.THERAPIST, colleague, DAY.plusWeeks(3),
                "Referral accepted"));
        assertThat(opened.therapist()).isEqualTo(Histories.THERAPIST);
    }

    @Test
    void the_primary_measure_is_an_outcome_measure_with_a_reliable_change() {
        assertThatThrownBy(() -> TherapyCase.open(new ClientCode("C-1"), "Panic", new Approach("CBT"), MeasureCatalogue.SRS,
                null, DAY, Histories.THERAPIST, Histories.compliantTherapist(DAY)))
                .hasMessage("The primary measure is an outcome measure; SRS is not");
    }

    @Test
    void a_closed_case_cannot_be_transferred() {
        var closed = Histories.aCase(MeasureCatalogue.PHQ_9, null).close(DAY, ClosingReason.DISCHARGED, null, DAY);
        assertThatThrownBy(() -> closed.transferTo(new UserId(12), DAY, "Late", Histories.compliantTherapist(DAY)))
                .hasMessage("Only an open case can be transferred; this one closed on " + DAY);
    }

    @Test
    void a_missed_session_carries_no_scores() {
        assertThatThrownBy(() -> new Session(DAY, Attendance.NO_SHOW, List.of(MeasureCatalogue.PHQ_9.score(10)), Homework.NOT_SET))
                .hasMessage("Only an attended session has scores; this one is NO_SHOW");
        assertThatThrownBy(() -> Session.attended(DAY, Homework.YES, MeasureCatalogue.PHQ_9.score(10),
                MeasureCatalogue.PHQ_9.score(11))).hasMessageContaining("PHQ-9 appears twice");
    }

    @Test
    void a_case_closes_with_its_reason_between_its_last_session_and_today() {
        var open = Histories.aCase(MeasureCatalogue.PHQ_9, null);
        var lastSession = open.opened().plusWeeks(6);
        var today = lastSession.plusWeeks(2);

        var closed = open.close(lastSession.plusDays(3), ClosingReason.PLANNED_ENDING_COMPLETED, lastSession, today);

        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.closed()).isEqualTo(lastSession.plusDays(3));
        assertThat(closed.closingReason()).isEqualTo(ClosingReason.PLANNED_ENDING_COMPLETED);
        assertThat(open.isOpen()).isTrue();
        assertThatThrownBy(() -> open.close(lastSession.minusDays(1), ClosingReason.DISCHARGED, lastSession, today))
                .hasMessage("A case closes between " + lastSession + " (its last session) and today, " + today + "; got "
                        + lastSession.minusDays(1));
        assertThatThrownBy(() -> open.close(today.plusDays(1), ClosingReason.DISCHARGED, lastSession, today))
                .hasMessageContaining("and today, " + today);
        assertThatThrownBy(() -> open.close(open.opened().minusDays(1), ClosingReason.DROPPED_OUT, null, today))
                .hasMessageContaining("(the day it opened)");
        assertThatThrownBy(() -> closed.close(today, ClosingReason.DISCHARGED, lastSession, today))
                .hasMessage("Only an open case can be closed; this one closed on " + closed.closed());
    }

    @Test
    void a_closed_case_always_has_a_closing_reason() {
        var open = Histories.aCase(MeasureCatalogue.PHQ_9, null);
        assertThatThrownBy(() -> new TherapyCase(null, 0, open.client(), "Low mood", open.approach(), open.primaryMeasure(),
                null, open.opened(), null, ClosingReason.DISCHARGED, open.therapist(), List.of()))
                .hasMessage("A closed case has a closing reason, and only a closed case has one");
    }

    @Test
    void a_session_is_voided_only_with_a_reason() {
        assertThatThrownBy(() -> new SessionVoid(Histories.THERAPIST, DAY.atStartOfDay().toInstant(ZoneOffset.UTC), "  "))
                .hasMessage("Say in 1 to 300 characters why the session is voided");
        assertThat(new SessionVoid(Histories.THERAPIST, DAY.atStartOfDay().toInstant(ZoneOffset.UTC),
                " Wrong client ").reason()).isEqualTo("Wrong client");
    }

    @Test
    void a_case_opens_no_later_than_today_and_no_earlier_than_the_practice_allows() {
        var policy = CaseOpeningPolicy.defaults();
        assertThat(policy.earliestOpening(DAY)).isEqualTo(DAY.minusMonths(24));
        assertThat(policy.allows(DAY.minusMonths(24), DAY)).isTrue();
        assertThat(policy.allows(DAY.minusMonths(24).minusDays(1), DAY)).isFalse();
        assertThat(policy.allows(DAY.plusDays(1), DAY)).isFalse();
        assertThatThrownBy(() -> new CaseOpeningPolicy(0)).hasMessage("A case may be dated 1 to 120 months back; got 0");
    }
}
