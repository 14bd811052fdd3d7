package org.unstuck.persistence.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.domain.InvalidDataException;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.SessionVoid;
import org.unstuck.domain.caseload.Sessions;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.DecisionId;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.RiskAlerts;
import org.unstuck.persistence.ConstraintMessages;
import org.unstuck.persistence.PostgresTest;
import org.unstuck.persistence.PracticeFixture;

/** Item scores kept and checked by the schema, risk alerts raised once from them, open until a risk decision answers them. */
@PostgresTest
class RiskAlertsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    @Autowired RiskAlerts alerts;
    @Autowired Sessions sessions;
    @Autowired Decisions decisions;
    @Autowired PracticeFixture practice;
    @Autowired JdbcClient jdbc;

    private UserId therapist;
    private UserId supervisor;
    private CaseId caseId;

    @BeforeEach
    void aCase() {
        therapist = practice.user("rita", Role.THERAPIST);
        supervisor = practice.user("sam", Role.SUPERVISOR);
        caseId = practice.openCase(therapist, DAY.minusMonths(2));
    }

    private static List<Integer> phq9(int item9) {
        return List.of(2, 2, 1, 2, 1, 1, 2, 1, item9);
    }

    private void attended(LocalDate day, List<Integer> items) {
        sessions.add(caseId, Session.attended(day, Homework.NOT_SET, MeasureCatalogue.PHQ_9.scoreOfItems(items)));
    }

    private DecisionId decide(DecisionDetails details) {
        return Objects.requireNonNull(decisions.record(new Decision(null, caseId, null, details, "Safety plan discussed.",
                Set.of(StallReason.RISK), therapist, DAY.plusDays(7), supervisor, AT.plusSeconds(60), DAY,
                CaseStatus.RISK, 14.0, null)).id());
    }

    @Test
    void items_are_kept_beside_the_total_and_read_back() {
        attended(DAY, phq9(2));
        assertThat(sessions.of(caseId)).singleElement().satisfies(session ->
                assertThat(session.scoreOn(MeasureCatalogue.PHQ_9.code()).orElseThrow().items()).isEqualTo(phq9(2)));
    }

    @Test
    void the_schema_refuses_items_that_do_not_add_up_to_the_total_naming_both() {
        var session = jdbc.sql("INSERT INTO therapy_session (case_id, session_date, attendance) VALUES (:id, :day, 'ATTENDED') "
                + "RETURNING id").param("id", caseId.value()).param("day", DAY).query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO session_score (session_id, measure_code, score, items) "
                        + "VALUES (:id, 'PHQ-9', 15, '{2,2,1,2,1,1,2,1,2}')").param("id", session).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("The PHQ-9 items add up to 14 but the total given is 15");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO session_score (session_id, measure_code, score, items) "
                        + "VALUES (:id, 'PHQ-9', 3, '{1,1,1}')").param("id", session).update())
                .hasMessageContaining("PHQ-9 item scores do not fit its 9 items");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO session_score (session_id, measure_code, score, items) "
                        + "VALUES (:id, 'SRS', 3, '{1,1,1}')").param("id", session).update())
                .hasMessageContaining("SRS item scores do not fit its 0 items");
    }

    @Test
    void item_9_at_0_raises_nothing_and_at_1_raises_one_alert_once() {
        attended(DAY.minusDays(7), phq9(0));
        assertThat(alerts.raiseFromScores(List.of(caseId), AT)).isEmpty();
        attended(DAY, phq9(1));
        assertThat(alerts.raiseFromScores(List.of(caseId), AT)).containsExactly(Map.entry(caseId, new RiskAlerts.Raised(1, DAY)));
        assertThat(alerts.raiseFromScores(List.of(caseId), AT.plusSeconds(5))).as("raised once per score").isEmpty();

        assertThat(alerts.openOn(caseId)).singleElement().satisfies(alert -> {
            assertThat(alert.measure()).isEqualTo(MeasureCatalogue.PHQ_9.code());
            assertThat(alert.item()).isEqualTo(9);
            assertThat(alert.score()).isEqualTo(1);
            assertThat(alert.sessionDate()).isEqualTo(DAY);
            assertThat(alert.raisedAt()).isEqualTo(AT);
            assertThat(alert.label()).isEqualTo("thoughts of being better off dead or of self-harm");
        });
    }

    @Test
    void a_risk_decision_answers_every_open_alert_of_its_case_and_another_decision_cannot() {
        attended(DAY, phq9(3));
        alerts.raiseFromScores(List.of(caseId), AT);
        var continuing = decide(new DecisionDetails.ContinuePlan());
        assertThatThrownBy(() -> alerts.answerWith(continuing, AT.plusSeconds(90)))
                .hasMessageContaining("answered by a decision that reviews or escalates the risk");
        assertThat(alerts.openOn(caseId)).hasSize(1);

        var reviewed = decide(new DecisionDetails.RiskReviewed());
        assertThat(alerts.answerWith(reviewed, AT.plusSeconds(120))).isEqualTo(1);
        assertThat(alerts.openOn(caseId)).isEmpty();
        assertThat(alerts.answerWith(reviewed, AT.plusSeconds(130))).as("answered once").isZero();
    }

    @Test
    void an_alert_of_a_voided_session_is_no_longer_open() {
        attended(DAY, phq9(2));
        alerts.raiseFromScores(List.of(caseId), AT);
        sessions.voidSession(caseId, DAY, new SessionVoid(therapist, AT.plusSeconds(30), "Entered on the wrong case"));
        assertThat(alerts.openOn(caseId)).isEmpty();
    }

    @Test
    void alerts_and_their_answers_are_a_permanent_record() {
        attended(DAY, phq9(2));
        alerts.raiseFromScores(List.of(caseId), AT);
        alerts.answerWith(decide(new DecisionDetails.EscalateRisk("Crisis team called")), AT.plusSeconds(120));
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM risk_alert_answer").update()).hasMessageContaining("permanent record");
        assertThatThrownBy(() -> jdbc.sql("UPDATE risk_alert SET score = 1").update()).hasMessageContaining("permanent record");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM risk_alert").update()).hasMessageContaining("permanent record");
    }

    @Test
    void a_refused_item_total_reads_as_the_schema_says_it() {
        var session = jdbc.sql("INSERT INTO therapy_session (case_id, session_date, attendance) VALUES (:id, :day, 'ATTENDED') "
                + "RETURNING id").param("id", caseId.value()).param("day", DAY).query(Long.class).single();
        var refusal = catchThrowableOfType(DataIntegrityViolationException.class,
                () -> jdbc.sql("INSERT INTO session_score (session_id, measure_code, score, items) "
                        + "VALUES (:id, 'PHQ-9', 15, '{2,2,1,2,1,1,2,1,2}')").param("id", session).update());
        assertThat(ConstraintMessages.translate(refusal)).isInstanceOf(InvalidDataException.class)
                .hasMessage("The PHQ-9 items add up to 14 but the total given is 15");
    }
}
