package org.unstuck.persistence.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.InvalidDataException;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.ClosingReason;
import org.unstuck.domain.caseload.RecordedSession;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.SessionVoid;
import org.unstuck.domain.caseload.Sessions;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.caseload.Transfer;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;
import org.unstuck.persistence.PostgresTest;

@PostgresTest
class CaseStorageTest {

    private static final LocalDate OPENED = LocalDate.of(2026, 9, 1);

    @Autowired Cases cases;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private UserId ann;
    private UserId bob;

    @BeforeEach
    void twoTherapists() {
        ann = therapist("ann");
        bob = therapist("bob");
    }

    private UserId therapist(String prefix) {
        var name = prefix + "." + System.nanoTime();
        return Objects.requireNonNull(accounts.save(UserAccount.newAccount(new Username(name), prefix, "{bcrypt}x",
                Set.of(Role.THERAPIST))).id());
    }

    private TherapyCase newCase(String client) {
        return new TherapyCase(null, 0, new ClientCode(client), "Panic attacks", new Approach("CBT"),
                MeasureCatalogue.GAD_7, MeasureCatalogue.SRS, OPENED, null, ann, List.of());
    }

    @Test
    void a_case_with_its_transfer_history_comes_back_as_it_was_stored() {
        var stored = cases.save(new TherapyCase(null, 0, new ClientCode("C-RT-1"), "Low mood", new Approach("IPT"),
                MeasureCatalogue.PHQ_9, null, OPENED, OPENED.plusMonths(4), bob,
                List.of(new Transfer(ann, bob, OPENED.plusWeeks(6), "Referral accepted"))));

        var loaded = cases.find(Objects.requireNonNull(stored.id())).orElseThrow();

        assertThat(loaded).isEqualTo(stored);
        assertThat(loaded.transfers()).containsExactly(new Transfer(ann, bob, OPENED.plusWeeks(6), "Referral accepted"));
        assertThat(loaded.allianceMeasure()).isNull();
        assertThat(cases.assignedTo(bob, false)).isEmpty();
        assertThat(cases.assignedTo(bob, true)).containsExactly(loaded);
    }

    @Test
    void sessions_with_scores_and_missed_sessions_come_back_in_date_order() {
        var caseId = Objects.requireNonNull(cases.save(newCase("C-RT-2")).id());
        var second = Session.attended(OPENED.plusWeeks(2), Homework.PARTLY, MeasureCatalogue.GAD_7.score(11),
                MeasureCatalogue.SRS.score(37.5));
        var first = Session.attended(OPENED.plusWeeks(1), Homework.NOT_SET, MeasureCatalogue.GAD_7.score(14));
        var missed = Session.missed(OPENED.plusWeeks(3), Attendance.NO_SHOW);
        sessions.add(caseId, second);
        sessions.add(caseId, first);
        sessions.add(caseId, missed);

        assertThat(sessions.of(caseId)).containsExactly(first, second, missed);
    }

    @Test
    void a_save_from_an_out_of_date_copy_is_refused_and_the_first_change_is_kept() {
        var stored = cases.save(newCase("C-RT-3"));
        var mine = cases.find(Objects.requireNonNull(stored.id())).orElseThrow();
        var theirs = cases.find(stored.id()).orElseThrow();

        cases.save(theirs.changeApproach(new Approach("Behavioural activation")));

        assertThatThrownBy(() -> cases.save(mine.changeApproach(new Approach("EMDR"))))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessage("Someone else changed this case in the meantime. "
                        + "Nothing was saved: reload and make your change again.");
        var now = cases.find(stored.id()).orElseThrow();
        assertThat(now.approach()).isEqualTo(new Approach("Behavioural activation"));
        assertThat(now.version()).isEqualTo(stored.version() + 1);
    }

    @Test
    void a_refused_row_comes_back_as_a_message_a_person_can_read() {
        var ghost = new UserId(987_654);
        var orphan = new TherapyCase(null, 0, new ClientCode("C-RT-4"), "Grief", new Approach("CBT"),
                MeasureCatalogue.PHQ_9, null, OPENED, null, ghost, List.of());
        assertThatThrownBy(() -> cases.save(orphan))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("The assigned therapist is not a user of this practice.");

        assertThatThrownBy(() -> sessions.add(new CaseId(987_654), Session.missed(OPENED, Attendance.CANCELLED)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("There is no such case.");
    }

    @Test
    void a_closed_case_keeps_its_closing_reason_and_cannot_close_before_its_last_session() {
        var stored = cases.save(newCase("C-RT-5"));
        var caseId = Objects.requireNonNull(stored.id());
        sessions.add(caseId, Session.attended(OPENED.plusWeeks(2), Homework.YES, MeasureCatalogue.GAD_7.score(9)));

        var closed = cases.save(cases.find(caseId).orElseThrow()
                .close(OPENED.plusWeeks(3), ClosingReason.DROPPED_OUT, OPENED.plusWeeks(2), OPENED.plusWeeks(3)));

        assertThat(cases.find(caseId).orElseThrow().closingReason()).isEqualTo(ClosingReason.DROPPED_OUT);
        assertThat(closed.closed()).isEqualTo(OPENED.plusWeeks(3));
        // The schema keeps the rule whatever path the row comes by: here a close that skipped the domain's check.
        var tooEarly = cases.save(newCase("C-RT-6"));
        sessions.add(Objects.requireNonNull(tooEarly.id()), Session.missed(OPENED.plusWeeks(2), Attendance.NO_SHOW));
        assertThatThrownBy(() -> cases.save(tooEarly.close(OPENED.plusWeeks(1), ClosingReason.DISCHARGED, null,
                OPENED.plusWeeks(5))))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("The case's last session was on " + OPENED.plusWeeks(2) + "; it cannot close before that");
    }

    @Test
    void a_voided_session_stays_in_the_history_with_its_reason_frees_its_day_and_cannot_be_changed() {
        var caseId = Objects.requireNonNull(cases.save(newCase("C-RT-7")).id());
        var wrong = Session.attended(OPENED.plusWeeks(1), Homework.NO, MeasureCatalogue.GAD_7.score(21));
        var kept = Session.attended(OPENED.plusWeeks(2), Homework.YES, MeasureCatalogue.GAD_7.score(12));
        sessions.add(caseId, wrong);
        sessions.add(caseId, kept);
        var voided = new SessionVoid(ann, Instant.parse("2026-09-09T10:00:00Z"), "Score typed as 21 instead of 12");

        sessions.voidSession(caseId, OPENED.plusWeeks(1), voided);
        var corrected = Session.attended(OPENED.plusWeeks(1), Homework.NO, MeasureCatalogue.GAD_7.score(12));
        sessions.add(caseId, corrected);

        assertThat(sessions.of(caseId)).containsExactly(corrected, kept);
        assertThat(sessions.history(caseId)).containsExactly(new RecordedSession(wrong, voided),
                new RecordedSession(corrected, null), new RecordedSession(kept, null));
        assertThatThrownBy(() -> sessions.voidSession(caseId, OPENED.plusWeeks(4), voided))
                .hasMessage("The case has no session on " + OPENED.plusWeeks(4) + " to void");
        assertThatThrownBy(() -> jdbc.sql("UPDATE therapy_session SET attendance = 'NO_SHOW', homework = 'NOT_SET' "
                + "WHERE case_id = :id AND voided_at IS NOT NULL").param("id", caseId.value()).update())
                .hasMessageContaining("A voided session is kept as it was voided");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM therapy_session WHERE case_id = :id AND voided_at IS NOT NULL")
                .param("id", caseId.value()).update())
                .hasMessageContaining("A voided session is kept as it was voided");
    }

    @Test
    void only_the_open_cases_of_a_client_with_that_therapist_count_as_open_episodes() {
        var first = cases.save(newCase("C-RT-8"));
        cases.save(newCase("C-RT-8").close(OPENED, ClosingReason.DISCHARGED, null, OPENED));

        assertThat(cases.openOfClientWith(new ClientCode("C-RT-8"), ann)).containsExactly(first);
        assertThat(cases.openOfClientWith(new ClientCode("C-RT-8"), bob)).isEmpty();
    }
}
