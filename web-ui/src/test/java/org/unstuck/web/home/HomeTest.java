package org.unstuck.web.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.db.ClinicalData;
import org.unstuck.db.StatementLog;
import org.unstuck.domain.audit.AuditEvent;
import org.unstuck.domain.audit.AuditEvent.Outcome;
import org.unstuck.domain.audit.AuditTrail;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.credential.ComplianceStatus;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.notes.NotePrompt;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.StallReason;
import org.unstuck.domain.review.Decision;
import org.unstuck.domain.review.DecisionDetails;
import org.unstuck.domain.review.Decisions;
import org.unstuck.domain.review.Referral;
import org.unstuck.domain.review.Referrals;
import org.unstuck.persistence.board.BoardFilter;
import org.unstuck.persistence.board.CaseRow;
import org.unstuck.web.MovableInstants;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.caseload.CaseloadService;
import org.unstuck.web.review.ReviewBoardService;

/** Each role's home on the demo practice, each list checked against the tables read by hand. */
@UnstuckAppTest
class HomeTest {

    private static final String FLAGGED = "('WATCH', 'STALLED', 'DETERIORATING', 'RISK')";

    @Autowired TherapistHome therapistHome;
    @Autowired SupervisorHome supervisorHome;
    @Autowired ManagerHome managerHome;
    @Autowired AdminHome adminHome;
    @Autowired CaseloadService caseload;
    @Autowired ReviewBoardService board;
    @Autowired AuditTrail trail;
    @Autowired MovableInstants instants;
    @Autowired StatementLog statements;
    @Autowired JdbcClient jdbc;
    @Autowired Decisions decisions;
    @Autowired Referrals referrals;
    @Autowired UserDetailsService users;

    private final LocalDate today = LocalDate.now();

    @AfterEach
    void realTimeAndSignedOut() {
        instants.reset();
        SecurityContextHolder.clearContext();
    }

    private List<Long> ids(String sql, Map<String, ?> parameters) {
        var statement = jdbc.sql(sql);
        parameters.forEach(statement::param);
        return statement.query(Long.class).list();
    }

    private UserId userId(String username) {
        return new UserId(jdbc.sql("SELECT id FROM user_account WHERE username = :username").param("username", username)
                .query(Long.class).single());
    }

    private static List<Long> ids(List<CaseRow> rows) {
        return rows.stream().map(CaseRow::caseId).toList();
    }

    private List<Long> ownCasesWith(String username, String statuses) {
        return ids("""
                SELECT c.id FROM therapy_case c JOIN case_progress_snapshot p ON p.case_id = c.id
                JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = :username AND c.closed_on IS NULL AND p.status IN %s""".formatted(statuses),
                Map.of("username", username));
    }

    private List<Long> notesOwedBy(String username) {
        return ids("""
                SELECT c.id FROM therapy_case c JOIN case_progress_snapshot p ON p.case_id = c.id
                JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = :username AND c.closed_on IS NULL AND p.status IN ('STALLED', 'DETERIORATING')
                  AND NOT EXISTS (SELECT 1 FROM reflective_note n JOIN reflective_note_version v ON v.note_id = n.id
                                  WHERE n.case_id = c.id AND n.author_id = u.id AND v.written_at::date >= p.status_since)""",
                Map.of("username", username));
    }

    private List<Long> teamCasesWith(String supervisor, String condition, Map<String, ?> parameters) {
        var all = new HashMap<String, Object>(parameters);
        all.put("supervisor", supervisor);
        return ids("""
                SELECT c.id FROM therapy_case c LEFT JOIN case_progress_snapshot p ON p.case_id = c.id
                WHERE c.closed_on IS NULL AND c.therapist_id IN (
                    SELECT pair.therapist_id FROM supervision_pair pair JOIN user_account s ON s.id = pair.supervisor_id
                    WHERE s.username = :supervisor)
                """ + "AND " + condition, all);
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_sees_their_flagged_cases_most_severe_first_and_the_notes_they_owe() {
        var home = therapistHome.read();

        assertThat(ids(home.flagged())).isNotEmpty().containsExactlyInAnyOrderElementsOf(ownCasesWith("therapist1", FLAGGED));
        assertThat(home.flagged()).extracting(row -> row.status().severityRank())
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(home.flagged()).allSatisfy(row -> assertThat(row.topSentence()).isNotBlank());
        assertThat(ids(home.notesOwed())).isNotEmpty().containsExactlyInAnyOrderElementsOf(notesOwedBy("therapist1"));
    }

    @Test
    @WithUserDetails("therapist3")
    void a_note_written_since_the_case_was_flagged_takes_it_off_the_notes_owed() {
        var owed = therapistHome.read().notesOwed();
        assertThat(owed).as("the demo leaves every therapist a stalled case without a note").isNotEmpty();
        var written = owed.getFirst();

        caseload.writeNote(written.caseId(), null, Map.of(NotePrompt.RELATIONSHIP,
                "We agreed on what the sessions are for; the client wants more structure."), false);

        assertThat(ids(therapistHome.read().notesOwed())).doesNotContain(written.caseId())
                .containsExactlyInAnyOrderElementsOf(notesOwedBy("therapist3"))
                .hasSize(owed.size() - 1);
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_sees_their_next_meeting_with_their_own_cases_on_its_agenda() {
        var next = therapistHome.read().nextMeeting();

        var expected = jdbc.sql("""
                SELECT m.id FROM review_meeting m JOIN meeting_attendee a ON a.meeting_id = m.id
                JOIN user_account u ON u.id = a.user_id
                WHERE u.username = 'therapist1' AND m.meeting_date >= current_date
                ORDER BY m.meeting_date, m.starts_at, m.id LIMIT 1""").query(Long.class).single();
        var own = ids("""
                SELECT i.case_id FROM agenda_item i JOIN therapy_case c ON c.id = i.case_id
                JOIN user_account u ON u.id = c.therapist_id WHERE i.meeting_id = :meeting AND u.username = 'therapist1'""",
                Map.of("meeting", expected));
        assertThat(next).isNotNull();
        assertThat(next.id()).isEqualTo(expected);
        assertThat(next.heldBy()).isEqualTo("Dr Ruth Lindqvist");
        assertThat(next.ownCases()).extracting(NextMeeting.OwnCase::caseId).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(own);
        assertThat(next.agendaSize()).isGreaterThanOrEqualTo(own.size());
    }

    @Test
    @WithUserDetails("therapist4")
    void a_therapist_whose_licence_ended_sees_it_with_the_day_it_ended_and_the_cpd_short() {
        var home = therapistHome.read();

        var licenceEnded = jdbc.sql("""
                SELECT max(c.valid_to) FROM credential c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = 'therapist4' AND c.credential_type = 'LICENCE'""").query(LocalDate.class).single();
        assertThat(home.credentialsEnding()).anySatisfy(requirement -> {
            assertThat(requirement.type()).isEqualTo(CredentialType.LICENCE);
            assertThat(requirement.status()).isEqualTo(ComplianceStatus.EXPIRED);
            assertThat(requirement.validTo()).isEqualTo(licenceEnded).isBefore(today);
        });
        assertThat(home.cpdShort()).isNotNull();
        assertThat(home.cpdShort().hoursDone()).isLessThan(home.cpdShort().hoursRequired());
    }

    @Test
    @WithUserDetails("therapist2")
    void a_therapist_sees_an_insurance_ending_within_the_window() {
        var home = therapistHome.read();

        assertThat(home.credentialsEnding()).singleElement().satisfies(requirement -> {
            assertThat(requirement.type()).isEqualTo(CredentialType.INSURANCE);
            assertThat(requirement.status()).isEqualTo(ComplianceStatus.EXPIRING);
            assertThat(requirement.daysLeft()).isBetween(1L, (long) home.warningDays());
        });
        assertThat(home.cpdShort()).isNull();
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_therapist_sees_the_referral_a_colleague_waits_for_them_to_answer() {
        var therapist1 = userId("therapist1");
        var therapist2 = userId("therapist2");
        var referred = ids("""
                SELECT c.id FROM therapy_case c WHERE c.therapist_id = :therapist AND c.closed_on IS NULL
                  AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.case_id = c.id AND r.state = 'PROPOSED')
                ORDER BY c.id DESC LIMIT 1""", Map.of("therapist", therapist2.value())).getFirst();
        var decision = decisions.record(new Decision(null, new CaseId(referred), null,
                new DecisionDetails.ReferToColleague(therapist1), "A colleague with space takes the case over.",
                Set.of(StallReason.ALLIANCE), therapist2, today.plusWeeks(4), userId("supervisor1"), Instant.now(), today,
                CaseStatus.STALLED, null, null));
        referrals.save(Referral.propose(Objects.requireNonNull(decision.id()), new CaseId(referred), therapist2, therapist1));
        TestSignIn.as(users, "therapist1");

        var home = therapistHome.read();

        var proposed = ids("""
                SELECT r.case_id FROM referral r JOIN user_account u ON u.id = r.to_therapist
                WHERE u.username = 'therapist1' AND r.state = 'PROPOSED'""", Map.of());
        assertThat(home.referrals()).extracting(referral -> referral.caseId()).contains(referred)
                .containsExactlyInAnyOrderElementsOf(proposed);
        assertThat(home.referrals()).filteredOn(referral -> referral.caseId() == referred).singleElement()
                .satisfies(referral -> assertThat(referral.fromTherapist()).isEqualTo("Sam Okafor"));
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_supervisor_sees_what_was_flagged_since_the_sign_in_before_this_one() {
        trail.record(new AuditEvent(Instant.now(), "supervisor1", "login", null, null, Outcome.ALLOWED, null));
        trail.record(new AuditEvent(Instant.now(), "supervisor1", "login", null, null, Outcome.ALLOWED, null));

        var home = supervisorHome.read();

        assertThat(home.firstVisit()).isFalse();
        assertThat(home.flaggedSince()).isEqualTo(today);
        assertThat(ids(home.newlyFlagged())).containsExactlyInAnyOrderElementsOf(
                teamCasesWith("supervisor1", "p.status IN " + FLAGGED + " AND p.status_since >= :since",
                        Map.of("since", today)));
        assertThat(home.newlyFlagged()).allSatisfy(row -> assertThat(row.statusSince()).isAfterOrEqualTo(home.flaggedSince()));
    }

    @Test
    @WithUserDetails("supervisor1")
    void a_supervisor_sees_the_teams_deteriorating_cases_follow_ups_due_this_week_and_the_meeting_they_hold() {
        var home = supervisorHome.read();

        var deteriorating = teamCasesWith("supervisor1", "p.status = 'DETERIORATING'", Map.of());
        assertThat(ids(home.deteriorating())).isNotEmpty().containsExactlyInAnyOrderElementsOf(deteriorating);
        assertThat(home.deterioratingCount()).isEqualTo(deteriorating.size());

        var sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        var dueBySunday = ids("""
                SELECT d.id FROM decision d JOIN therapy_case c ON c.id = d.case_id
                JOIN user_account u ON u.id = c.therapist_id
                LEFT JOIN LATERAL (SELECT max(rf.answered_at) AS declined_at FROM referral rf
                                   WHERE rf.decision_id = d.id AND rf.state = 'DECLINED') referral ON true
                WHERE (d.follow_up_on <= :sunday OR referral.declined_at IS NOT NULL)
                  AND u.username IN ('therapist1', 'therapist2', 'therapist3', 'supervisor2')
                  AND NOT EXISTS (SELECT 1 FROM decision later WHERE later.supersedes = d.id)
                  AND NOT EXISTS (SELECT 1 FROM follow_up_review r WHERE r.decision_id = d.id
                                  AND (referral.declined_at IS NULL OR r.reviewed_at >= referral.declined_at))""",
                Map.of("sunday", sunday));
        assertThat(home.followUpsDue()).extracting(row -> row.decision().id().value())
                .containsExactlyInAnyOrderElementsOf(dueBySunday);
        assertThat(home.followUpsDue()).anySatisfy(row -> assertThat(row.decision().followUpOn()).isAfter(today.minusDays(7)));
        assertThat(home.followUpsDue()).filteredOn(row -> row.declined() == null)
                .extracting(row -> row.decision().followUpOn()).isSorted();

        var meeting = jdbc.sql("""
                SELECT m.id FROM review_meeting m JOIN user_account s ON s.id = m.supervisor_id
                WHERE s.username = 'supervisor1' AND m.meeting_date >= current_date
                ORDER BY m.meeting_date, m.starts_at, m.id LIMIT 1""").query(Long.class).single();
        var agenda = jdbc.sql("SELECT count(*) FROM agenda_item WHERE meeting_id = :meeting").param("meeting", meeting)
                .query(Integer.class).single();
        assertThat(home.nextMeeting()).isNotNull();
        assertThat(home.nextMeeting().id()).isEqualTo(meeting);
        assertThat(home.nextMeeting().agendaSize()).isEqualTo(agenda).isPositive();
        assertThat(home.perReason()).isEqualTo(board.casesPerReason(BoardFilter.everything()));
        assertThat(home.boardSize()).isEqualTo(teamCasesWith("supervisor1", "true", Map.of()).size());
    }

    @Test
    @WithUserDetails("manager")
    void the_managers_home_names_each_credential_problem_with_its_day_and_reads_no_clinical_table() {
        var read = statements.recording(() -> managerHome.read());
        var home = read.value();

        assertThat(read.statements()).isNotEmpty().allSatisfy(ClinicalData::assertNoneIn);
        var licenceEnded = jdbc.sql("""
                SELECT max(c.valid_to) FROM credential c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = 'therapist4' AND c.credential_type = 'LICENCE'""").query(LocalDate.class).single();
        assertThat(home.problems()).anySatisfy(problem -> {
            assertThat(problem.username()).isEqualTo("therapist4");
            assertThat(problem.type()).isEqualTo(CredentialType.LICENCE);
            assertThat(problem.stopsNewCases()).isTrue();
            assertThat(problem.startedOn()).isEqualTo(licenceEnded.plusDays(1));
        });
        assertThat(home.problems()).anySatisfy(problem -> {
            assertThat(problem.username()).isEqualTo("therapist2");
            assertThat(problem.type()).isEqualTo(CredentialType.INSURANCE);
            assertThat(problem.status()).isEqualTo(ComplianceStatus.EXPIRING);
            assertThat(problem.stopsNewCases()).isFalse();
            assertThat(problem.endsOn()).isAfter(today);
        });
        assertThat(home.problems().getFirst().stopsNewCases()).as("who cannot take new cases comes first").isTrue();
        var openCases = jdbc.sql("""
                SELECT u.username, count(c.id) FROM user_account u JOIN user_role r ON r.user_id = u.id AND r.role = 'THERAPIST'
                LEFT JOIN therapy_case c ON c.therapist_id = u.id AND c.closed_on IS NULL WHERE u.enabled GROUP BY u.username""")
                .query((row, number) -> Map.entry(row.getString(1), row.getInt(2))).list();
        assertThat(home.caseloads()).extracting(row -> Map.entry(row.username(), row.openCases()))
                .containsExactlyInAnyOrderElementsOf(openCases);
    }

    @Test
    @WithUserDetails("admin")
    void the_admins_home_counts_the_days_refused_sign_ins_and_waits_and_forgets_them_after_a_day() {
        var before = adminHome.read().signIns();
        var stranger = "stranger." + System.nanoTime();
        var now = instants.instant();
        trail.record(new AuditEvent(now, stranger, "login.failed", null, null, Outcome.REFUSED, null));
        trail.record(new AuditEvent(now, stranger, "login.failed", null, null, Outcome.REFUSED, null));
        trail.record(new AuditEvent(now, stranger, "login.locked", null, "from 10.0.0.9 for 30 s", Outcome.REFUSED, null));
        trail.record(new AuditEvent(now, stranger, "login.while-locked", null, "from 10.0.0.9", Outcome.REFUSED, null));

        var after = adminHome.read();

        assertThat(after.signIns().wrongAnswers()).isEqualTo(before.wrongAnswers() + 2);
        assertThat(after.signIns().triedWhileWaiting()).isEqualTo(before.triedWhileWaiting() + 1);
        assertThat(after.signIns().waits()).hasSize(before.waits().size() + 1).first().satisfies(wait -> {
            assertThat(wait.username()).isEqualTo(stranger);
            assertThat(wait.ofAddress()).isFalse();
            assertThat(wait.detail()).contains("10.0.0.9");
        });
        assertThat(after.exemptFromSecondFactor()).contains("admin", "manager", "therapist1", "supervisor1");
        assertThat(after.jobs()).extracting(job -> job.job()).contains("nightly-reassessment");
        assertThat(after.mail()).as("the test application sends to an SMTP server, so e-mail is on").isNotNull();

        instants.set(now.plus(Duration.ofHours(25)));
        assertThat(adminHome.read().signIns().waits()).noneSatisfy(wait -> assertThat(wait.username()).isEqualTo(stranger));
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_reads_no_other_roles_home() {
        assertThatThrownBy(() -> supervisorHome.read()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> managerHome.read()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> adminHome.read()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("manager")
    void the_manager_reads_no_clinical_home() {
        assertThatThrownBy(() -> therapistHome.read()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> supervisorHome.read()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor2")
    void every_home_read_of_clinical_lists_is_audited() {
        var audited = "SELECT count(*) FROM audit_event WHERE actor = 'supervisor2' AND action = 'home.read'";
        var before = jdbc.sql(audited).query(Integer.class).single();

        supervisorHome.read();
        therapistHome.read();

        assertThat(jdbc.sql(audited).query(Integer.class).single()).isEqualTo(before + 2);
    }
}
