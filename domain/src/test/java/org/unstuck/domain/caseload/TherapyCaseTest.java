package org.unstuck.domain.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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
}
