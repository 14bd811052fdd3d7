package org.unstuck.web.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.notification.NoticeKind;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.Rule;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.DecisionType;
import org.unstuck.persistence.board.BoardFilter;
import org.unstuck.web.MovableInstants;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.caseload.CaseloadService;
import org.unstuck.web.caseload.SessionEntry;
import org.unstuck.web.common.CaseNotFoundException;
import org.unstuck.web.common.InvalidEntryException;
import org.unstuck.web.notification.Notifications;

/**
 * A session whose PHQ-9 item 9 is endorsed raises a risk alert at once: the case turns RISK, tops
 * the board, the supervisors are told with no clinical content, and it stays until the therapist or
 * a supervisor answers it; a day later unanswered, it is overdue.
 */
@UnstuckAppTest
class RiskAlertTest {

    @Autowired CaseloadService caseload;
    @Autowired DecisionService decisions;
    @Autowired ReviewBoardService board;
    @Autowired Notifications notifications;
    @Autowired UserDetailsService users;
    @Autowired MovableInstants instants;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void realTimeAndSignedOut() {
        instants.reset();
        SecurityContextHolder.clearContext();
    }

    /**
     * An open PHQ-9 case of Sam Okafor that is not stalled or deteriorating, with no session today and no
     * alert yet: each test records a session today on its own, so the next one finds another case.
     */
    private long quietCase() {
        return jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                JOIN case_progress_snapshot p ON p.case_id = c.id AND p.status IN ('ON_TRACK', 'WATCH', 'INSUFFICIENT_DATA')
                WHERE u.username = 'therapist2' AND c.closed_on IS NULL AND c.primary_measure = 'PHQ-9'
                  AND NOT EXISTS (SELECT 1 FROM therapy_session s WHERE s.case_id = c.id AND s.session_date >= :today)
                  AND NOT EXISTS (SELECT 1 FROM risk_alert a WHERE a.case_id = c.id)
                ORDER BY c.id LIMIT 1""")
                .param("today", caseload.today()).query(Long.class).single();
    }

    private static List<Integer> phq9(int item9) {
        return new ArrayList<>(List.of(2, 2, 1, 2, 1, 1, 2, 1, item9));
    }

    private void recordAsTherapist(long caseId, List<Integer> items, Double total) {
        TestSignIn.as(users, "therapist2");
        var scores = new HashMap<String, Double>();
        scores.put("PHQ-9", total);
        caseload.recordSession(caseId, new SessionEntry(caseload.today(), Attendance.ATTENDED, scores,
                Map.of("PHQ-9", new ArrayList<>(items)), Homework.NOT_SET));
    }

    private int alertsOn(long caseId) {
        return jdbc.sql("SELECT count(*) FROM risk_alert WHERE case_id = :id").param("id", caseId).query(Integer.class).single();
    }

    private static DecisionEntry reviewed() {
        return new DecisionEntry(DecisionType.RISK_REVIEWED, null, null, null,
                "Spoke with the client the same day: passive thoughts, no plan; safety plan agreed.", Set.of(StallReason.RISK),
                LocalDate.now().plusDays(7));
    }

    @Test
    void item_9_endorsed_turns_the_case_risk_at_once_tops_the_board_and_tells_the_supervisors_only_the_client_code() {
        var caseId = quietCase();
        var code = jdbc.sql("SELECT cl.code FROM therapy_case c JOIN client cl ON cl.id = c.client_id WHERE c.id = :id")
                .param("id", caseId).query(String.class).single();

        recordAsTherapist(caseId, phq9(2), null);

        var page = caseload.casePage(caseId);
        assertThat(page.progress().status()).isEqualTo(CaseStatus.RISK);
        assertThat(page.progress().topSignal()).hasValueSatisfying(signal -> {
            assertThat(signal.rule()).isEqualTo(Rule.RISK_ITEM);
            assertThat(signal.sentence()).startsWith("PHQ-9 item 9 (thoughts of being better off dead or of self-harm) scored 2");
        });
        assertThat(page.sessions().getLast().scoreOn(MeasureCatalogue.PHQ_9.code()))
                .hasValueSatisfying(score -> assertThat(score.value()).isEqualTo(14));
        assertThat(page.openRiskAlerts()).hasSize(1);
        assertThat(page.riskOverdue()).isFalse();
        assertThat(page.mayAnswerRisk()).isTrue();

        TestSignIn.as(users, "supervisor1");
        var top = board.page(BoardFilter.everything(), 0, 50);
        assertThat(top.getFirst().theCase().status()).as("risk tops the board").isEqualTo(CaseStatus.RISK);
        assertThat(top.stream().takeWhile(row -> row.theCase().status() == CaseStatus.RISK).map(row -> row.theCase().caseId()))
                .contains(caseId);
        assertThat(notifications.mine()).anySatisfy(notice -> {
            assertThat(notice.kind()).isEqualTo(NoticeKind.RISK_ALERT);
            assertThat(notice.arguments()).containsExactly(code);
            assertThat(notice.link()).isEqualTo("cases/" + caseId);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE event_key LIKE :key")
                .param("key", "risk:" + caseId + ":%").query(Integer.class).single())
                .as("Sam Okafor and his one supervisor, once each").isEqualTo(2);
    }

    @Test
    void item_9_at_0_raises_no_alert() {
        var caseId = quietCase();
        recordAsTherapist(caseId, phq9(0), null);
        assertThat(alertsOn(caseId)).isZero();
        assertThat(caseload.casePage(caseId).progress().status()).isNotEqualTo(CaseStatus.RISK);
    }

    @Test
    void items_that_disagree_with_the_total_are_refused_naming_the_measure_the_sum_and_the_total_and_nothing_is_kept() {
        var caseId = quietCase();
        var sessions = jdbc.sql("SELECT count(*) FROM therapy_session WHERE case_id = :id").param("id", caseId)
                .query(Integer.class).single();
        assertThatThrownBy(() -> recordAsTherapist(caseId, phq9(2), 16.0))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("PHQ-9", "The PHQ-9 items add up to 14 but the total given is 16."));
        var partly = phq9(2);
        partly.set(3, null);
        assertThatThrownBy(() -> recordAsTherapist(caseId, partly, null))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused -> assertThat(refused.fieldErrors())
                        .containsEntry("PHQ-9", "Enter every PHQ-9 item, or none; 8 of 9 are filled in."));
        assertThat(jdbc.sql("SELECT count(*) FROM therapy_session WHERE case_id = :id").param("id", caseId)
                .query(Integer.class).single()).isEqualTo(sessions);
        assertThat(alertsOn(caseId)).isZero();
    }

    @Test
    void the_therapist_answers_the_alert_and_the_case_is_no_longer_risk() {
        var caseId = quietCase();
        recordAsTherapist(caseId, phq9(1), null);

        TestSignIn.as(users, "therapist1");
        assertThatThrownBy(() -> decisions.answerRisk(caseId, reviewed())).as("not Alex Morgan's case")
                .isInstanceOf(CaseNotFoundException.class);

        TestSignIn.as(users, "therapist2");
        decisions.answerRisk(caseId, reviewed());

        var page = caseload.casePage(caseId);
        assertThat(page.openRiskAlerts()).isEmpty();
        assertThat(page.progress().status()).isNotEqualTo(CaseStatus.RISK);
        assertThat(page.decisions()).anySatisfy(decision -> assertThat(decision.type()).isEqualTo(DecisionType.RISK_REVIEWED));
        assertThat(jdbc.sql("""
                SELECT subject FROM audit_event WHERE action = 'decision.record' AND case_id = :id ORDER BY sequence DESC LIMIT 1""")
                .param("id", caseId).query(String.class).single()).endsWith("answers 1 risk alerts");
        assertThatThrownBy(() -> decisions.answerRisk(caseId, new DecisionEntry(DecisionType.CONTINUE, null, null, null,
                "Carry on.", Set.of(StallReason.RISK), LocalDate.now().plusDays(7))))
                .isInstanceOfSatisfying(InvalidEntryException.class, refused ->
                        assertThat(refused.fieldErrors()).containsKey("type"));
    }

    @Test
    void an_alert_unanswered_for_more_than_a_day_is_overdue_on_the_case_and_the_board() {
        var caseId = quietCase();
        recordAsTherapist(caseId, phq9(3), null);
        assertThat(caseload.casePage(caseId).riskOverdue()).isFalse();

        instants.set(instants.instant().plus(Duration.ofHours(25)));

        assertThat(caseload.casePage(caseId).riskOverdue()).isTrue();
        TestSignIn.as(users, "supervisor1");
        assertThat(board.page(new BoardFilter(null, null, CaseStatus.RISK), 0, 50))
                .filteredOn(row -> row.theCase().caseId() == caseId).singleElement()
                .satisfies(row -> assertThat(row.theCase().riskOverdue(board.now())).isTrue());
    }

    @Test
    void someone_outside_the_case_cannot_answer_its_alert() {
        var caseId = quietCase();
        recordAsTherapist(caseId, phq9(2), null);
        TestSignIn.as(users, "manager");
        assertThatThrownBy(() -> decisions.answerRisk(caseId, reviewed())).isInstanceOf(AccessDeniedException.class);
        assertThat(alertsOn(caseId)).isEqualTo(1);
    }
}
