package org.unstuck.persistence.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unstuck.db.ClinicalData;
import org.unstuck.db.StatementLog;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.Sessions;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.measure.MeasureCatalogue;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.SupervisionPairs;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.Decisions;
import org.unstuck.persistence.PostgresTest;
import org.unstuck.persistence.PracticeFixture;
import org.unstuck.persistence.progress.CaseProgressUpdater;

@PostgresTest
class ReadModelsTest {

    private final LocalDate today = LocalDate.now();

    @Autowired CaseBoards boards;
    @Autowired CaseTrajectories trajectories;
    @Autowired PracticeOverview overview;
    @Autowired Sessions sessions;
    @Autowired Credentials credentials;
    @Autowired SupervisionPairs supervision;
    @Autowired CaseProgressUpdater updater;
    @Autowired PracticeFixture practice;
    @Autowired StatementLog log;
    @Autowired JdbcClient jdbc;
    @Autowired Decisions decisions;

    private UserId supervisor;
    private UserId ann;
    private UserId ben;
    private final List<CaseId> annsCases = new ArrayList<>();

    @BeforeEach
    void aTeamWithCases() {
        supervisor = practice.user("sue", Role.SUPERVISOR);
        ann = practice.user("ann", Role.THERAPIST);
        ben = practice.user("ben", Role.THERAPIST);
        var outsider = practice.user("otto", Role.THERAPIST);
        supervision.add(supervisor, ann);
        supervision.add(supervisor, ben);
        for (var therapist : List.of(ann, ben, outsider)) {
            credentials.addCpd(new CpdEntry(therapist, today.minusMonths(2), 30, "Supervision skills"));
            for (var type : List.of(CredentialType.LICENCE, CredentialType.REGISTRATION, CredentialType.INSURANCE)) {
                credentials.save(new Credential(null, 0, therapist, type, type.name(), "N", "Board", "UK",
                        today.minusYears(1), type == CredentialType.INSURANCE && therapist.equals(ben)
                                ? today.plusDays(20) : today.plusYears(1), null));
            }
        }
        for (int i = 0; i < 12; i++) {
            var therapist = i % 3 == 0 ? ben : i % 3 == 1 ? ann : outsider;
            var caseId = practice.openCase(therapist, today.minusWeeks(10));
            var flat = i % 2 == 0;
            for (int week = 0; week < 7; week++) {
                var score = flat ? 18 : 18 - 2 * week;
                sessions.add(caseId, Session.attended(today.minusWeeks(7 - week), Homework.NOT_SET,
                        MeasureCatalogue.PHQ_9.score(Math.max(score, 0)), MeasureCatalogue.SRS.score(38)));
            }
            updater.recompute(caseId, AssessmentCause.SESSION);
            if (therapist.equals(ann)) {
                annsCases.add(caseId);
            }
        }
    }

    @Test
    void the_review_board_lists_only_supervisees_cases_most_severe_first_with_numbers() {
        var rows = boards.reviewBoard(supervisor, BoardFilter.everything(), today, 0, 50);

        assertThat(rows).hasSize(8).allSatisfy(row -> assertThat(row.therapistId()).isIn(ann.value(), ben.value()));
        assertThat(rows).extracting(CaseRow::status).isSortedAccordingTo((a, b) -> b.severityRank() - a.severityRank());
        var stalled = rows.getFirst();
        assertThat(stalled.status()).isEqualTo(CaseStatus.STALLED);
        assertThat(stalled.topReason()).isEqualTo(StallReason.APPROACH_FIT);
        assertThat(stalled.topSentence()).isEqualTo("PHQ-9 18 → 18 over 7 sessions; reliable improvement needs a drop of 6.");
        assertThat(stalled.sessionsHeld()).isEqualTo(7);
        assertThat(stalled.primaryImprovement()).isZero();
        assertThat(stalled.lastSessionOn()).isEqualTo(today.minusWeeks(1));
        assertThat(rows.getLast().status()).isEqualTo(CaseStatus.ON_TRACK);
        assertThat(rows.getLast().primaryImprovement()).isEqualTo(12.0);
    }

    @Test
    void board_rows_of_chosen_cases_leave_out_cases_outside_the_supervisors_team() {
        var teamCases = boards.reviewBoard(supervisor, BoardFilter.everything(), today, 0, 50).stream().map(CaseRow::caseId).toList();
        var outsiders = jdbc.sql("SELECT id FROM therapy_case WHERE id NOT IN (:team)").param("team", teamCases)
                .query(Long.class).list();
        var asked = new ArrayList<>(teamCases.subList(0, 3));
        asked.addAll(outsiders);

        assertThat(outsiders).isNotEmpty();
        assertThat(boards.reviewBoardRows(supervisor, asked, today)).extracting(CaseRow::caseId)
                .containsExactlyInAnyOrderElementsOf(teamCases.subList(0, 3));
        assertThat(boards.reviewBoardRows(supervisor, List.of(), today)).isEmpty();
    }

    @Test
    void rows_of_any_cases_come_by_id_in_one_statement() {
        var asked = annsCases.stream().map(CaseId::value).toList();
        var read = log.recording(() -> boards.rowsOf(asked, today));
        var rows = read.value();

        assertThat(read.statements()).hasSize(1);
        assertThat(rows).containsOnlyKeys(asked);
        assertThat(rows.values()).allSatisfy(row -> assertThat(row.therapistId()).isEqualTo(ann.value()));
        assertThat(boards.rowsOf(List.of(), today)).isEmpty();
    }

    @Test
    void filters_by_therapist_reason_and_status_and_counts_per_reason() {
        assertThat(boards.reviewBoard(supervisor, new BoardFilter(ann.value(), null, null), today, 0, 50))
                .extracting(CaseRow::caseId).containsExactlyInAnyOrderElementsOf(annsCases.stream().map(CaseId::value).toList());
        assertThat(boards.reviewBoard(supervisor, new BoardFilter(null, null, CaseStatus.STALLED), today, 0, 50))
                .hasSize(4).allSatisfy(row -> assertThat(row.status()).isEqualTo(CaseStatus.STALLED));
        assertThat(boards.reviewBoardSize(supervisor, new BoardFilter(null, StallReason.APPROACH_FIT, null))).isEqualTo(4);
        assertThat(boards.reviewBoardReasons(supervisor, BoardFilter.everything())).containsEntry(StallReason.APPROACH_FIT, 4);
    }

    /** Ann's first case also loses its alliance: it carries an approach-fit signal and an alliance one. */
    private CaseId twoReasonCase() {
        var caseId = practice.openCase(ann, today.minusWeeks(10));
        for (int week = 0; week < 7; week++) {
            sessions.add(caseId, Session.attended(today.minusWeeks(7 - week).minusDays(1), Homework.NOT_SET,
                    MeasureCatalogue.PHQ_9.score(18), MeasureCatalogue.SRS.score(week < 4 ? 38 : 24)));
        }
        updater.recompute(caseId, AssessmentCause.SESSION);
        return caseId;
    }

    @Test
    void reasons_count_every_case_carrying_a_signal_of_them_and_follow_the_other_filters() {
        var both = twoReasonCase();
        var signals = jdbc.sql("SELECT DISTINCT reason FROM case_progress_signal WHERE case_id = :id")
                .param("id", both.value()).query(String.class).list();
        assertThat(signals).contains("APPROACH_FIT", "ALLIANCE");

        var counts = boards.reviewBoardReasons(supervisor, BoardFilter.everything());
        assertThat(counts).containsEntry(StallReason.APPROACH_FIT, 5).containsEntry(StallReason.ALLIANCE, 1);
        assertThat(boards.reviewBoardReasons(supervisor, new BoardFilter(ben.value(), null, null)))
                .containsEntry(StallReason.APPROACH_FIT, 2).doesNotContainKey(StallReason.ALLIANCE);
        var allianceOnly = new BoardFilter(null, null, null, Set.of(StallReason.ALLIANCE));
        assertThat(boards.reviewBoardReasons(supervisor, allianceOnly))
                .as("a count says what choosing its reason would show, whatever reasons are chosen").isEqualTo(counts);

        assertThat(boards.reviewBoardPage(supervisor, allianceOnly, today, 0, 50)).singleElement().satisfies(row -> {
            assertThat(row.theCase().caseId()).isEqualTo(both.value());
            assertThat(row.reasons()).containsExactlyInAnyOrder(StallReason.APPROACH_FIT, StallReason.ALLIANCE);
        });
        assertThat(boards.reviewBoardSize(supervisor, allianceOnly)).isEqualTo(1);
        var either = new BoardFilter(null, null, null, Set.of(StallReason.ALLIANCE, StallReason.APPROACH_FIT));
        assertThat(boards.reviewBoardSize(supervisor, either)).isEqualTo(5);
        assertThat(boards.reviewBoardSize(supervisor, new BoardFilter(ben.value(), null, null, Set.of(StallReason.ALLIANCE))))
                .isZero();
    }

    @Test
    void a_board_row_carries_the_cases_latest_decision_with_its_details() {
        var caseId = annsCases.getFirst();
        var decidedAt = Instant.parse("2026-03-02T10:00:00Z");
        decisions.record(new Decision(null, caseId, null, new DecisionDetails.ContinuePlan(), "Give it four more weeks.",
                Set.of(StallReason.APPROACH_FIT), ann, today.plusWeeks(4), supervisor, decidedAt, today.minusDays(20),
                CaseStatus.STALLED, 18.0, null));
        decisions.record(new Decision(null, caseId, null, new DecisionDetails.ReferToColleague(ben), "Ben has the training.",
                Set.of(StallReason.APPROACH_FIT), ann, today.plusWeeks(6), supervisor, decidedAt.plusSeconds(3600),
                today.minusDays(2), CaseStatus.STALLED, 18.0, null));

        var rows = boards.reviewBoardPage(supervisor, new BoardFilter(ann.value(), null, null), today, 0, 50);
        assertThat(rows).filteredOn(row -> row.theCase().caseId() == caseId.value()).singleElement()
                .satisfies(row -> assertThat(row.lastDecision()).isEqualTo(
                        new BoardRow.LastDecision(new DecisionDetails.ReferToColleague(ben), today.minusDays(2), "ben")));
        assertThat(rows).filteredOn(row -> row.theCase().caseId() != caseId.value())
                .allSatisfy(row -> assertThat(row.lastDecision()).isNull());
        assertThat(rows).extracting(BoardRow::theCase).extracting(CaseRow::caseId)
                .containsExactlyElementsOf(boards.reviewBoard(supervisor, new BoardFilter(ann.value(), null, null), today, 0, 50)
                        .stream().map(CaseRow::caseId).toList());
    }

    @Test
    void a_board_page_takes_at_most_three_statements_whatever_its_size() {
        for (var pageSize : List.of(1, 5, 50)) {
            var statements = log.during(() -> {
                boards.reviewBoardPage(supervisor, BoardFilter.everything(), today, 0, pageSize);
                boards.reviewBoardSize(supervisor, BoardFilter.everything());
                boards.reviewBoardReasons(supervisor, BoardFilter.everything());
            });
            assertThat(statements).as("statements for a page of %d", pageSize).hasSize(3);
        }
    }

    @Test
    void a_therapists_caseload_holds_only_their_cases() {
        assertThat(boards.caseload(ann, BoardFilter.everything(), false, today, 0, 50)).extracting(CaseRow::therapistId)
                .containsOnly(ann.value()).hasSize(4);
        assertThat(boards.caseloadSize(ann, new BoardFilter(null, null, CaseStatus.STALLED), false)).isEqualTo(2);
    }

    @Test
    void a_cases_trajectory_lists_each_measure_by_attended_session() {
        var points = trajectories.of(annsCases.getFirst());
        assertThat(points).hasSize(14);
        assertThat(points).filteredOn(point -> point.measureCode().equals("PHQ-9"))
                .extracting(TrajectoryPoint::sessionNumber).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void the_managers_overview_has_counts_and_credentials_and_reads_no_clinical_column() {
        var read = log.recording(() -> overview.therapists(today));
        var rows = read.value();

        assertThat(rows).filteredOn(row -> row.therapistId() == ben.value()).singleElement().satisfies(row -> {
            assertThat(row.openCases()).isEqualTo(4);
            assertThat(row.compliance().requirement(CredentialType.INSURANCE).orElseThrow().status())
                    .isEqualTo(ComplianceStatus.EXPIRING);
        });
        assertThat(read.statements()).isNotEmpty().allSatisfy(ClinicalData::assertNoneIn);
        assertThat(TherapistOverviewRow.class.getRecordComponents())
                .extracting(component -> component.getName())
                .containsExactly("therapistId", "displayName", "username", "openCases", "casesClosedLastYear", "compliance");
    }
}
