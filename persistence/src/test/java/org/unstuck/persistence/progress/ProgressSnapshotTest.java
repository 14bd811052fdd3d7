package org.unstuck.persistence.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.domain.progress.AssessedStatus;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.progress.AssessmentHistory;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.SessionVoid;
import org.unstuck.domain.caseload.Sessions;
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialPolicies;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.credential.TherapistCompliance;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.notes.NotePrompt;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.domain.notes.ReflectiveNotes;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.PracticeSettings;
import org.unstuck.domain.progress.ProgressSnapshots;
import org.unstuck.domain.progress.ReviewSettings;
import org.unstuck.domain.progress.Rule;
import org.unstuck.domain.progress.Signal;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.persistence.PostgresTest;
import org.unstuck.persistence.PracticeFixture;

/** The stored assessment follows the case's data: sessions, notes, credentials and settings. */
@PostgresTest
class ProgressSnapshotTest {

    @Autowired CaseProgressUpdater updater;
    @Autowired ProgressSnapshots snapshots;
    @Autowired Sessions sessions;
    @Autowired ReflectiveNotes notes;
    @Autowired Credentials credentials;
    @Autowired PracticeSettings settings;
    @Autowired PracticeFixture practice;
    @Autowired JdbcClient jdbc;
    @Autowired AssessmentHistory history;
    @Autowired Cases cases;
    @Autowired CredentialPolicies policies;
    @Autowired PracticeReassessment reassessment;

    private UserId therapist;
    private CaseId caseId;
    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void aCompliantTherapistWithOneCase() {
        therapist = practice.user("pia", Role.THERAPIST);
        for (var type : List.of(CredentialType.LICENCE, CredentialType.REGISTRATION, CredentialType.INSURANCE)) {
            credentials.save(new Credential(null, 0, therapist, type, type.name(), "N-1", "Board", "UK",
                    today.minusYears(1), today.plusYears(1), null));
        }
        credentials.addCpd(new CpdEntry(therapist, today.minusMonths(1), 30, "Supervision"));
        caseId = practice.openCase(therapist, today.minusWeeks(8));
    }

    private void weeklyPhq9(double... scores) {
        for (int i = 0; i < scores.length; i++) {
            sessions.add(caseId, Session.attended(today.minusWeeks(scores.length - i), Homework.NOT_SET,
                    MeasureCatalogue.PHQ_9.score(scores[i]), MeasureCatalogue.SRS.score(38)));
        }
    }

    @Test
    void a_voided_session_is_ignored_by_the_assessment_and_the_stored_counts() {
        weeklyPhq9(18, 17, 18, 16, 17, 17);
        assertThat(updater.recompute(caseId, AssessmentCause.SESSION).status()).isEqualTo(CaseStatus.STALLED);
        var last = today.minusWeeks(1);

        sessions.voidSession(caseId, last, new SessionVoid(therapist, Instant.now(), "Entered on the wrong case"));
        var snapshot = updater.recompute(caseId, AssessmentCause.SESSION);

        // Five sessions are too few for "no reliable improvement after six".
        assertThat(snapshot.status()).isNotEqualTo(CaseStatus.STALLED);
        var row = jdbc.sql("SELECT sessions_held, last_session_on FROM case_progress_snapshot WHERE case_id = :id")
                .param("id", caseId.value())
                .query((r, n) -> tuple(r.getInt("sessions_held"), r.getObject("last_session_on", LocalDate.class))).single();
        assertThat(row).isEqualTo(tuple(5, today.minusWeeks(2)));
    }

    @Test
    void a_new_case_is_grey_and_six_flat_sessions_make_it_stalled_with_the_sentence_kept() {
        assertThat(updater.recompute(practice.openCase(therapist, today), AssessmentCause.CASE_OPENED).status()).isEqualTo(CaseStatus.INSUFFICIENT_DATA);

        weeklyPhq9(18, 17, 18, 16, 17, 17);
        var snapshot = updater.recompute(caseId, AssessmentCause.SESSION);

        assertThat(snapshot.status()).isEqualTo(CaseStatus.STALLED);
        assertThat(snapshot.topSignal().orElseThrow().sentence())
                .isEqualTo("PHQ-9 18 → 17 over 6 sessions; reliable improvement needs a drop of 6.");
        assertThat(snapshots.latest(caseId)).contains(snapshot);
        var row = jdbc.sql("""
                SELECT top_reason, sessions_held, primary_first, primary_latest, last_session_on
                FROM case_progress_snapshot WHERE case_id = :id""")
                .param("id", caseId.value())
                .query((result, number) -> List.of(result.getString(1), result.getInt(2), result.getDouble(3),
                        result.getDouble(4), result.getObject(5, LocalDate.class)))
                .single();
        assertThat(row).containsExactly("APPROACH_FIT", 6, 18.0, 17.0, today.minusWeeks(1));
    }

    @Test
    void eight_weeks_open_without_an_attended_session_is_drift() {
        var snapshot = updater.recompute(caseId, AssessmentCause.SESSION);
        assertThat(snapshot.status()).isEqualTo(CaseStatus.STALLED);
        assertThat(snapshot.topSignal().orElseThrow().rule()).isEqualTo(Rule.DRIFT);
    }

    @Test
    void the_status_keeps_its_since_date_while_it_stays_the_same() {
        weeklyPhq9(18, 17, 18, 16, 17, 17);
        var first = updater.recompute(caseId, AssessmentCause.SESSION);
        var again = updater.recompute(caseId, AssessmentCause.SESSION);
        assertThat(again.statusSince()).isEqualTo(first.statusSince());
        assertThat(again.computedAt()).isAfterOrEqualTo(first.computedAt());
    }

    @Test
    void each_change_of_verdict_enters_the_history_once_with_its_cause_and_the_day_it_took_effect() {
        weeklyPhq9(18, 12);
        updater.recompute(caseId, AssessmentCause.SESSION);
        updater.recompute(caseId, AssessmentCause.NIGHTLY);
        for (var daysAgo = 6; daysAgo >= 3; daysAgo--) {
            sessions.add(caseId, Session.attended(today.minusDays(daysAgo), Homework.NOT_SET,
                    MeasureCatalogue.PHQ_9.score(17), MeasureCatalogue.SRS.score(38)));
        }
        updater.recompute(caseId, AssessmentCause.IMPORT);

        var entries = history.of(caseId);
        assertThat(entries).extracting(AssessedStatus::status, AssessedStatus::cause).containsExactly(
                tuple(CaseStatus.ON_TRACK, AssessmentCause.SESSION),
                tuple(CaseStatus.STALLED, AssessmentCause.IMPORT));
        assertThat(entries.getLast().effectiveOn()).isEqualTo(today);
        assertThat(entries.getLast().signals()).isEqualTo(snapshots.latest(caseId).orElseThrow().signals());
        assertThat(history.on(caseId, today.minusDays(1))).isEmpty();
        assertThat(history.on(List.of(caseId), today)).containsOnlyKeys(caseId)
                .extractingByKey(caseId).returns(CaseStatus.STALLED, AssessedStatus::status);
    }

    @Test
    void the_history_is_a_permanent_record() {
        updater.recompute(caseId, AssessmentCause.SESSION);
        assertThatThrownBy(() -> jdbc.sql("UPDATE case_assessment SET status = 'ON_TRACK' WHERE case_id = :id")
                .param("id", caseId.value()).update())
                .hasMessageContaining("permanent record");
    }

    @Test
    void a_hard_to_work_with_note_is_picked_up_as_therapist_reticence() {
        weeklyPhq9(18, 12);
        notes.save(ReflectiveNote.write(caseId, therapist, Map.of(NotePrompt.MY_REACTIONS, "I dread these sessions"), true,
                Instant.now()));
        var snapshot = updater.recompute(caseId, AssessmentCause.SESSION);
        assertThat(snapshot.status()).isEqualTo(CaseStatus.STALLED);
        assertThat(snapshot.signals()).extracting(Signal::reason).contains(StallReason.THERAPIST_RETICENCE);
    }

    @Test
    void after_a_transfer_the_previous_therapists_reticence_note_ends_its_signal_in_the_nightly_run_and_on_a_change() {
        weeklyPhq9(18, 12);
        notes.save(ReflectiveNote.write(caseId, therapist, Map.of(NotePrompt.MY_REACTIONS, "I dread these sessions"), true,
                Instant.now().minusSeconds(3600)));
        assertThat(updater.recompute(caseId, AssessmentCause.NOTE).signals()).extracting(Signal::rule)
                .contains(Rule.THERAPIST_RETICENCE);
        var colleague = practice.user("quinn", Role.THERAPIST);
        for (var type : List.of(CredentialType.LICENCE, CredentialType.REGISTRATION, CredentialType.INSURANCE)) {
            credentials.save(new Credential(null, 0, colleague, type, type.name(), "N-2", "Board", "UK",
                    today.minusYears(1), today.plusYears(1), null));
        }
        var compliance = TherapistCompliance.assess(colleague, credentials.of(colleague), credentials.cpdOf(colleague),
                policies.current().value(), today);
        cases.save(cases.find(caseId).orElseThrow().transferTo(colleague, today, "Referral accepted", compliance));

        var pass = reassessment.begin(today, AssessmentCause.NIGHTLY);
        reassessment.next(pass, new PracticeReassessment.Range(caseId.value() - 1, caseId.value()));
        assertThat(snapshots.latest(caseId).orElseThrow().signals()).extracting(Signal::rule)
                .doesNotContain(Rule.THERAPIST_RETICENCE);

        assertThat(updater.recompute(caseId, AssessmentCause.REFERRAL).signals()).extracting(Signal::rule)
                .doesNotContain(Rule.THERAPIST_RETICENCE);
        notes.save(ReflectiveNote.write(caseId, colleague, Map.of(NotePrompt.MY_REACTIONS, "I find this hard too"), true,
                Instant.now()));
        assertThat(updater.recompute(caseId, AssessmentCause.NOTE).signals()).extracting(Signal::rule)
                .contains(Rule.THERAPIST_RETICENCE);
    }

    @Test
    void an_expired_licence_shows_as_a_readiness_signal() {
        weeklyPhq9(18, 12);
        var licence = credentials.of(therapist).stream().filter(c -> c.type() == CredentialType.LICENCE).findFirst().orElseThrow();
        credentials.save(new Credential(licence.id(), licence.version(), therapist, CredentialType.LICENCE, "Licence", "N-1",
                "Board", "UK", today.minusYears(2), today.minusDays(1), null));
        assertThat(updater.recomputeCasesOf(therapist, AssessmentCause.CREDENTIAL)).isEqualTo(1);
        var snapshot = snapshots.latest(caseId).orElseThrow();
        assertThat(snapshot.signals()).extracting(Signal::rule).contains(Rule.THERAPIST_READINESS);
        assertThat(snapshot.status()).isEqualTo(CaseStatus.WATCH);
    }

    @Test
    void changing_the_thresholds_recomputes_every_open_case() {
        weeklyPhq9(18, 17, 18, 16, 17, 17);
        assertThat(updater.recompute(caseId, AssessmentCause.SESSION).status()).isEqualTo(CaseStatus.STALLED);

        var current = settings.reviewSettings();
        var d = ReviewSettings.defaults();
        var later = new ReviewSettings(10, d.allianceDropPoints(), d.allianceSessionsBelowCutoffForStalled(),
                d.attendanceWindow(), d.attendanceMinimumScheduled(), d.minimumAttendanceRate(), d.noShowsInARow(),
                d.homeworkWindow(), d.homeworkNotDoneCount(), d.driftWatchDays(), d.driftStalledDays(),
                d.offTrackSessionsForStalled(), d.trajectoryMinimumCases(), d.trajectoryToleranceZ());
        var saved = settings.save(later, current.version());
        try {
            var recomputed = updater.recomputeAllOpenCases(AssessmentCause.SETTINGS);
            assertThat(recomputed).isGreaterThanOrEqualTo(1);
            assertThat(snapshots.latest(caseId).orElseThrow().status()).isEqualTo(CaseStatus.ON_TRACK);
            assertThat(history.on(caseId, today).orElseThrow())
                    .returns(CaseStatus.ON_TRACK, AssessedStatus::status)
                    .returns(AssessmentCause.SETTINGS, AssessedStatus::cause)
                    .returns(saved.version(), AssessedStatus::settingsVersion);
        } finally {
            settings.save(ReviewSettings.defaults(), saved.version());
        }
    }
}
