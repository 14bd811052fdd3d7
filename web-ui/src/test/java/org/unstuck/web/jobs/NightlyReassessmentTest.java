package org.unstuck.web.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.unstuck.db.TestDatabase;
import org.unstuck.db.TestPostgres;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.caseload.ClientCode;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.domain.caseload.Session;
import org.unstuck.domain.caseload.Sessions;
import org.unstuck.domain.caseload.TherapyCase;
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.measure.MeasureCode;
import org.unstuck.domain.measure.Measures;
import org.unstuck.domain.measure.Score;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.practice.Username;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.domain.progress.CaseStatus;
import org.unstuck.domain.progress.ProgressSnapshots;
import org.unstuck.domain.progress.Rule;
import org.unstuck.domain.progress.Signal;
import org.unstuck.persistence.progress.CaseProgressUpdater;
import org.unstuck.web.ClockConfiguration;
import org.unstuck.web.MovableInstants;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckApplication;
import org.unstuck.web.audit.AuditChainChecks;
import org.unstuck.web.settings.SettingsService;

/**
 * Two application nodes on one database, both taking jobs, with the practice's time moved by the
 * test: the nightly re-assessment runs once at 00:05 in the practice's zone, changes what a new day
 * changes, and a run whose node died is finished by a live node from where it stopped.
 */
class NightlyReassessmentTest {

    private static final ZoneId PRACTICE_ZONE = ZoneId.of("America/New_York");
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final MovableInstants INSTANTS = new MovableInstants(Instant.parse("2026-06-10T14:00:00Z"));
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start_two_nodes_on_one_database() {
        var database = TestPostgres.freshDatabase();
        nodeA = node(database, "node-a", true);
        nodeB = node(database, "node-b", false);
        jdbc = nodeA.getBean(JdbcClient.class);
        nodeA.getBeanProvider(SecurityContextHolderStrategy.class).ifUnique(SecurityContextHolder::setContextHolderStrategy);
        TestSignIn.as(nodeA.getBean(UserDetailsService.class), "admin");
        try {
            var settings = nodeA.getBean(SettingsService.class);
            settings.saveTimeZone(PRACTICE_ZONE.getId(), settings.timeZone().version());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static ConfigurableApplicationContext node(TestDatabase database, String name, boolean demo) {
        return new SpringApplicationBuilder(UnstuckApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton(ClockConfiguration.INSTANTS, INSTANTS))
                .run("--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--unstuck.demo.enabled=" + demo, "--server.port=0", "--server.address=127.0.0.1",
                        "--logging.level.root=warn", "--unstuck.jobs.node-name=" + name,
                        "--unstuck.jobs.polling-interval=100ms", "--unstuck.jobs.heartbeat-interval=500ms",
                        "--unstuck.jobs.missed-heartbeats=4", "--unstuck.jobs.batch-size=40");
    }

    @AfterAll
    static void stop_the_nodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    private static Instant nextRun() {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = :job")
                .param("job", NightlyReassessment.JOB).query(Timestamp.class).single().toInstant();
    }

    private static Instant expectedAfter(Instant instant) {
        var local = instant.atZone(PRACTICE_ZONE);
        var sameDay = local.toLocalDate().atTime(0, 5).atZone(PRACTICE_ZONE).toInstant();
        return sameDay.isAfter(instant) ? sameDay : local.toLocalDate().plusDays(1).atTime(0, 5).atZone(PRACTICE_ZONE).toInstant();
    }

    /** Moves the practice's time to this instant and waits until the nightly run of its day has ended and the next is due. */
    private static LocalDate runNightlyAt(Instant instant) {
        var day = instant.atZone(PRACTICE_ZONE).toLocalDate();
        INSTANTS.set(instant);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> succeeded(day) && !picked());
        return day;
    }

    private static boolean succeeded(LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM job_run WHERE job_name = :job AND run_for = :day AND outcome = 'SUCCEEDED'")
                .param("job", NightlyReassessment.JOB).param("day", day).query(Long.class).single() > 0;
    }

    private static boolean picked() {
        return jdbc.sql("SELECT picked FROM scheduled_tasks WHERE task_name = :job")
                .param("job", NightlyReassessment.JOB).query(Boolean.class).single();
    }

    private record Run(int attempt, String node, String outcome, Long resumedAfter, int assessed, int changed) {
    }

    private static List<Run> runsOf(LocalDate day) {
        return jdbc.sql("""
                SELECT attempt, node, outcome, resumed_after, cases_assessed, cases_changed FROM job_run
                WHERE job_name = :job AND run_for = :day ORDER BY attempt""")
                .param("job", NightlyReassessment.JOB).param("day", day)
                .query((row, number) -> new Run(row.getInt("attempt"), row.getString("node"), row.getString("outcome"),
                        row.getObject("resumed_after", Long.class), row.getInt("cases_assessed"), row.getInt("cases_changed")))
                .list();
    }

    private static long openCases() {
        return jdbc.sql("SELECT count(*) FROM therapy_case WHERE closed_on IS NULL").query(Long.class).single();
    }

    @Test
    void every_daily_job_moved_to_its_time_of_day_in_the_zone_the_admin_chose() {
        for (var job : Map.of(NightlyReassessment.JOB, "00:05", AuditChainChecks.JOB, "00:30",
                JobsConfiguration.WEEKLY_DIGEST, "07:00").entrySet()) {
            var next = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = :job")
                    .param("job", job.getKey()).query(Timestamp.class).single().toInstant();
            assertThat(next.atZone(PRACTICE_ZONE).toLocalTime()).as(job.getKey()).hasToString(job.getValue());
        }
    }

    @Test
    void the_nightly_run_happens_once_on_one_of_the_two_nodes_at_five_past_midnight_in_the_practice_zone() {
        var next = nextRun();
        assertThat(next).isEqualTo(expectedAfter(INSTANTS.instant()));
        assertThat(next.atZone(PRACTICE_ZONE).toLocalTime()).hasToString("00:05");

        var day = runNightlyAt(next.plusSeconds(1));

        var runs = runsOf(day);
        assertThat(runs).hasSize(1);
        var run = runs.getFirst();
        assertThat(run.outcome()).isEqualTo("SUCCEEDED");
        assertThat(run.node()).isIn("node-a", "node-b");
        assertThat(run.assessed()).isEqualTo(openCases());
        assertThat(jdbc.sql("SELECT count(*) FROM case_assessment WHERE cause = 'NIGHTLY' AND effective_on = :day")
                .param("day", day).query(Long.class).single()).isEqualTo(run.changed());
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (SELECT case_id FROM case_assessment WHERE cause = 'NIGHTLY' AND effective_on = :day
                                      GROUP BY case_id HAVING count(*) > 1) twice""")
                .param("day", day).query(Long.class).single()).isZero();
        assertThat(nextRun()).isEqualTo(next.atZone(PRACTICE_ZONE).plusDays(1).toInstant());

        var stored = storedAssessments();
        var entries = jdbc.sql("SELECT count(*) FROM case_assessment").query(Long.class).single();
        nodeA.getBean(CaseProgressUpdater.class).recomputeAllOpenCases(AssessmentCause.NIGHTLY);
        assertThat(storedAssessments()).as("the case-by-case re-assessment of the same day agrees").isEqualTo(stored);
        assertThat(jdbc.sql("SELECT count(*) FROM case_assessment").query(Long.class).single()).isEqualTo(entries);
    }

    /** Every open case's stored assessment and signals, without the time they were computed. */
    private static List<String> storedAssessments() {
        return jdbc.sql("""
                SELECT p.case_id || ' ' || p.status || ' ' || p.status_since || ' ' || coalesce(p.top_rule, '-') || ' '
                       || coalesce(p.primary_first::text, '-') || ' ' || coalesce(p.primary_latest::text, '-') || ' '
                       || coalesce(p.last_session_on::text, '-') || ' ' || p.sessions_held || ' '
                       || coalesce(string_agg(s.rule || ':' || s.severity || ':' || s.message_key || ':'
                                              || array_to_string(s.arguments, ',') || ':' || s.sentence, '; '
                                              ORDER BY s.position), '')
                FROM case_progress_snapshot p LEFT JOIN case_progress_signal s ON s.case_id = p.case_id
                GROUP BY p.case_id ORDER BY p.case_id""").query(String.class).list();
    }

    @Test
    void a_run_that_fails_is_recorded_with_its_error_and_retried_after_the_backoff_until_it_succeeds() {
        var runAt = nextRun().atZone(PRACTICE_ZONE).plusDays(10).toInstant().plusSeconds(1);
        var day = runAt.atZone(PRACTICE_ZONE).toLocalDate();
        // The first write of the run is refused; a sequence counts outside any transaction, so only that one is.
        jdbc.sql("CREATE SEQUENCE nightly_writes").update();
        jdbc.sql("""
                CREATE FUNCTION refuse_the_first_nightly_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('nightly_writes') = 1 THEN
                        RAISE EXCEPTION 'the disk is full';
                    END IF;
                    RETURN NULL;
                END;
                $$""").update();
        for (var table : List.of("case_progress_snapshot", "case_progress_signal", "case_assessment")) {
            jdbc.sql("CREATE TRIGGER refuse_the_first_nightly_write AFTER INSERT OR UPDATE ON " + table
                    + " FOR EACH STATEMENT EXECUTE FUNCTION refuse_the_first_nightly_write()").update();
        }
        try {
            INSTANTS.set(runAt);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> runsOf(day).stream().anyMatch(run -> run.outcome().equals("FAILED")) && !picked());
            var failed = jdbc.sql("SELECT error FROM job_run WHERE job_name = :job AND run_for = :day AND attempt = 1")
                    .param("job", NightlyReassessment.JOB).param("day", day).query(String.class).single();
            assertThat(failed).contains("the disk is full");
            assertThat(succeeded(day)).isFalse();
            assertThat(nextRun()).isAfter(runAt).isBefore(expectedAfter(runAt));

            INSTANTS.set(nextRun().plusSeconds(1));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> succeeded(day) && !picked());
            assertThat(runsOf(day)).extracting(Run::attempt, Run::outcome)
                    .containsExactly(tuple(1, "FAILED"), tuple(2, "SUCCEEDED"));
            assertThat(nextRun()).isEqualTo(expectedAfter(INSTANTS.instant()));
        } finally {
            for (var table : List.of("case_progress_snapshot", "case_progress_signal", "case_assessment")) {
                jdbc.sql("DROP TRIGGER IF EXISTS refuse_the_first_nightly_write ON " + table).update();
            }
            jdbc.sql("DROP FUNCTION IF EXISTS refuse_the_first_nightly_write()").update();
            jdbc.sql("DROP SEQUENCE IF EXISTS nightly_writes").update();
        }
    }

    @Test
    void a_case_nobody_touches_drifts_and_a_licence_ending_overnight_flags_the_therapists_cases() {
        var next = nextRun();
        var runAt = next.atZone(PRACTICE_ZONE).plusDays(1).toInstant().plusSeconds(1);
        var day = runAt.atZone(PRACTICE_ZONE).toLocalDate();
        var steady = therapist("steady", day.plusYears(1));
        var lapsing = therapist("lapsing", day.minusDays(1));
        var drifting = openCase(steady, "DRIFT-1", day.minusDays(60), day.minusDays(50), day.minusDays(43),
                day.minusDays(36), day.minusDays(29), day.minusDays(22));
        var first = openCase(lapsing, "LAPSE-1", day.minusDays(30), day.minusDays(14), day.minusDays(7));
        var second = openCase(lapsing, "LAPSE-2", day.minusDays(40), day.minusDays(20), day.minusDays(13), day.minusDays(6));
        assertThat(status(drifting)).isNotEqualTo(CaseStatus.WATCH);
        assertThat(rules(drifting)).doesNotContain(Rule.DRIFT);
        assertThat(rules(first)).doesNotContain(Rule.THERAPIST_READINESS);
        assertThat(rules(second)).doesNotContain(Rule.THERAPIST_READINESS);

        runNightlyAt(runAt);

        assertThat(status(drifting)).isEqualTo(CaseStatus.WATCH);
        assertThat(snapshots().latest(drifting).orElseThrow().signals()).anySatisfy(signal -> {
            assertThat(signal.rule()).isEqualTo(Rule.DRIFT);
            assertThat(signal.sentence()).contains("22");
        });
        assertThat(rules(first)).contains(Rule.THERAPIST_READINESS);
        assertThat(rules(second)).contains(Rule.THERAPIST_READINESS);
        for (var changed : List.of(drifting, first, second)) {
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM case_assessment WHERE case_id = :id AND cause = 'NIGHTLY' AND effective_on = :day""")
                    .param("id", changed.value()).param("day", day).query(Long.class).single()).isOne();
        }
    }

    @Test
    void a_run_whose_node_died_is_picked_up_by_a_live_node_and_finished_from_its_checkpoint() {
        var next = nextRun();
        var day = next.atZone(PRACTICE_ZONE).toLocalDate();
        var open = jdbc.sql("SELECT id FROM therapy_case WHERE closed_on IS NULL ORDER BY id").query(Long.class).list();
        var checkpoint = open.get(open.size() / 2);
        var stillAlive = INSTANTS.instant();
        jdbc.sql("""
                UPDATE scheduled_tasks SET picked = true, picked_by = 'node-gone', last_heartbeat = :at, version = version + 1
                WHERE task_name = :job""")
                .param("at", Timestamp.from(stillAlive)).param("job", NightlyReassessment.JOB).update();
        jdbc.sql("""
                INSERT INTO job_run (job_name, run_for, attempt, node, started_at, last_case_id, cases_assessed, outcome)
                VALUES (:job, :day, 1, 'node-gone', :at, :checkpoint, :done, 'RUNNING')""")
                .param("job", NightlyReassessment.JOB).param("day", day).param("at", Timestamp.from(next))
                .param("checkpoint", checkpoint).param("done", open.size() / 2 + 1).update();

        INSTANTS.set(next.plus(Duration.ofMinutes(1)));

        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> !picked());
        // a live node has revived the execution for "now"; in a test's still time, now has to pass for it to be due
        INSTANTS.advance(Duration.ofSeconds(1));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> succeeded(day) && !picked());

        var runs = runsOf(day);
        assertThat(runs).extracting(Run::attempt, Run::outcome)
                .containsExactly(tuple(1, "INTERRUPTED"), tuple(2, "SUCCEEDED"));
        var resumed = runs.get(1);
        assertThat(resumed.node()).isIn("node-a", "node-b");
        assertThat(resumed.resumedAfter()).isEqualTo(checkpoint);
        assertThat(resumed.assessed()).isEqualTo(open.stream().filter(id -> id > checkpoint).count());
        assertThat(nextRun()).isAfter(next);
    }

    private static ProgressSnapshots snapshots() {
        return nodeA.getBean(ProgressSnapshots.class);
    }

    private static CaseStatus status(CaseId id) {
        return snapshots().latest(id).orElseThrow().status();
    }

    private static Set<Rule> rules(CaseId id) {
        return snapshots().latest(id).orElseThrow().signals().stream().map(Signal::rule).collect(Collectors.toSet());
    }

    private static UserId therapist(String name, LocalDate licenceUntil) {
        var username = name + "." + System.nanoTime() % 1_000_000;
        var hash = nodeA.getBean(PasswordEncoder.class).encode("a-long-password-" + name);
        var id = Objects.requireNonNull(nodeA.getBean(UserAccounts.class).save(UserAccount.newAccount(new Username(username),
                "Therapist " + username, hash, Set.of(Role.THERAPIST))).id());
        var credentials = nodeA.getBean(Credentials.class);
        var today = LocalDate.ofInstant(INSTANTS.instant(), PRACTICE_ZONE);
        credentials.save(new Credential(null, 0, id, CredentialType.LICENCE, "Practitioner psychologist", "PYL-" + username,
                "HCPC", "United Kingdom", today.minusYears(2), licenceUntil, null));
        credentials.save(new Credential(null, 0, id, CredentialType.REGISTRATION, "Accredited member", "M-" + username,
                "BABCP", "United Kingdom", today.minusYears(2), today.plusYears(2), null));
        credentials.save(new Credential(null, 0, id, CredentialType.INSURANCE, "Indemnity", "PI-" + username, "Balens",
                "United Kingdom", today.minusMonths(6), today.plusYears(2), null));
        credentials.addCpd(new CpdEntry(id, today.minusMonths(1), 30, "Supervision skills"));
        return id;
    }

    /** A case with improving PHQ-9 scores at these attended sessions, assessed as a new case is. */
    private static CaseId openCase(UserId therapist, String client, LocalDate opened, LocalDate... sessions) {
        var phq9 = nodeA.getBean(Measures.class).catalogue().find(new MeasureCode("PHQ-9")).orElseThrow();
        var saved = nodeA.getBean(Cases.class).save(new TherapyCase(null, 0,
                new ClientCode(client + "-" + System.nanoTime() % 1_000_000), "Low mood", new Approach("CBT"), phq9, null,
                opened, null, therapist, List.of()));
        var id = Objects.requireNonNull(saved.id());
        var score = 19;
        for (var date : sessions) {
            nodeA.getBean(Sessions.class).add(id, Session.attended(date, Homework.YES, new Score(phq9, score)));
            score -= 3;
        }
        nodeA.getBean(CaseProgressUpdater.class).recompute(id, AssessmentCause.SESSION);
        return id;
    }
}
