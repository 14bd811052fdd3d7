package org.unstuck.persistence.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.Decisions;
import org.unstuck.persistence.PostgresTest;

@PostgresTest
class DecisionLogTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    @Autowired Decisions decisions;
    @Autowired Cases cases;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private UserId therapist;
    private UserId supervisor;
    private UserId colleague;
    private CaseId caseId;

    private UserId user(String prefix, Role role) {
        return Objects.requireNonNull(accounts.save(UserAccount.newAccount(new Username(prefix + "." + System.nanoTime()),
                prefix, "{bcrypt}x", Set.of(role))).id());
    }

    @BeforeEach
    void aCaseUnderSupervision() {
        therapist = user("tess", Role.THERAPIST);
        supervisor = user("sue", Role.SUPERVISOR);
        colleague = user("cole", Role.THERAPIST);
        caseId = Objects.requireNonNull(cases.save(new TherapyCase(null, 0, new ClientCode("C-D-" + System.nanoTime() % 100000),
                "Low mood", new Approach("CBT"), MeasureCatalogue.PHQ_9, null, DAY.minusMonths(3), null, therapist,
                List.of())).id());
    }

    private Decision decision(DecisionDetails details, LocalDate followUp) {
        return new Decision(null, caseId, null, details, "Eight sessions without movement.",
                Set.of(StallReason.APPROACH_FIT, StallReason.ALLIANCE), therapist, followUp, supervisor, AT, DAY,
                CaseStatus.STALLED, 17.0, null);
    }

    @Test
    void every_decision_type_round_trips() {
        var all = List.of(
                new DecisionDetails.ContinuePlan(),
                new DecisionDetails.ChangeApproach(new Approach("CBT"), new Approach("Behavioural activation")),
                new DecisionDetails.ReferToColleague(colleague),
                new DecisionDetails.ReferExternally("Community mental health team"),
                new DecisionDetails.ChangeFrequency("Twice weekly for a month"),
                new DecisionDetails.AddAssessment("PCL-5 for trauma symptoms"),
                new DecisionDetails.PlannedEnding(),
                new DecisionDetails.RiskReviewed(),
                new DecisionDetails.EscalateRisk("Safety plan reviewed with the duty clinician"));
        for (var details : all) {
            var recorded = decisions.record(decision(details, DAY.plusWeeks(6)));
            assertThat(recorded.id()).isNotNull();
            assertThat(decisions.find(recorded.id()).orElseThrow()).isEqualTo(recorded);
            assertThat(recorded.details()).isEqualTo(details);
            assertThat(recorded.reasons()).containsExactlyInAnyOrder(StallReason.APPROACH_FIT, StallReason.ALLIANCE);
            assertThat(recorded.decidedAt()).isEqualTo(AT.truncatedTo(ChronoUnit.MICROS));
        }
        assertThat(decisions.onCase(caseId)).hasSize(all.size());
    }

    @Test
    void a_superseded_decision_is_kept_but_no_longer_due_for_follow_up() {
        var original = decisions.record(decision(new DecisionDetails.ContinuePlan(), DAY.plusDays(7)));
        var correction = decisions.record(original.supersededBy(new DecisionDetails.PlannedEnding(), "Client asked to end.",
                Set.of(StallReason.CLIENT_ENGAGEMENT), therapist, DAY.plusDays(14), supervisor, AT.plusSeconds(60), DAY));

        assertThat(decisions.onCase(caseId)).containsExactly(original, correction);
        assertThat(decisions.followUpsDueBy(DAY.plusDays(30)))
                .filteredOn(due -> due.caseId().equals(caseId))
                .containsExactly(correction);
    }

    @Test
    void the_database_refuses_to_change_or_remove_a_recorded_decision() {
        var recorded = decisions.record(decision(new DecisionDetails.ContinuePlan(), DAY.plusDays(7)));
        assertThatThrownBy(() -> jdbc.sql("UPDATE decision SET rationale = 'rewritten' WHERE id = :id")
                .param("id", recorded.id().value()).update())
                .hasMessageContaining("permanent record");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM decision WHERE id = :id").param("id", recorded.id().value()).update())
                .hasMessageContaining("permanent record");
        assertThat(decisions.find(recorded.id())).contains(recorded);
    }
}
