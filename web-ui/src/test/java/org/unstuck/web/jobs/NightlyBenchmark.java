package org.unstuck.web.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.unstuck.db.TestDatabaseInitializer;
import org.unstuck.domain.credential.CpdEntry;
import org.unstuck.domain.credential.Credential;
import org.unstuck.domain.credential.CredentialType;
import org.unstuck.domain.credential.Credentials;
import org.unstuck.domain.practice.Role;
import org.unstuck.domain.practice.UserAccount;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;
import org.unstuck.persistence.jobs.JobRun;
import org.unstuck.web.ClockConfiguration;
import org.unstuck.web.MovableInstants;
import org.unstuck.web.UnstuckApplication;

/**
 * Not a test: a generated practice of 50,000 open cases with 20 sessions each (1,000,000 sessions,
 * PHQ-9 and SRS scores on the attended ones) and 2,000 finished cases for the expected
 * trajectories; then the nightly re-assessment of two nights running (the first stores every
 * case's assessment, the second only what a new day changes), each against a plain streamed SQL
 * scan of the same sessions and scores in the same run, with the peak heap of each.
 *
 * <p>{@code ./mvnw -pl web-ui -am -Pnightly-benchmark test-compile exec:exec} (runs with -Xmx512m).
 */
public final class NightlyBenchmark {

    private static final int THERAPISTS = 25;
    private static final int OPEN_CASES = 50_000;
    private static final int CLOSED_CASES = 2_000;
    private static final int SESSIONS_PER_CASE = 20;

    private NightlyBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        var instants = new MovableInstants(Instant.parse("2026-09-15T03:00:00Z"));
        try (var context = new SpringApplicationBuilder(UnstuckApplication.class)
                .initializers(new TestDatabaseInitializer(),
                        app -> app.getBeanFactory().registerSingleton(ClockConfiguration.INSTANTS, instants))
                .run("--unstuck.demo.enabled=false", "--server.port=0", "--server.address=127.0.0.1",
                        "--logging.level.root=warn", "--unstuck.jobs.scheduler-enabled=false")) {
            var generateStart = System.nanoTime();
            generate(context);
            var generated = System.nanoTime() - generateStart;
            var job = context.getBean(NightlyReassessment.class);
            var dataSource = context.getBean(DataSource.class);

            var report = new StringBuilder();
            for (var night = 1; night <= 2; night++) {
                var scan = scan(dataSource);
                resetPeaks();
                var start = System.nanoTime();
                JobRun run = job.run("benchmark", () -> false);
                var took = System.nanoTime() - start;
                var peak = heapPeak();
                var scanAgain = scan(dataSource);
                var reference = Math.min(scan.nanos(), scanAgain.nanos());
                report.append(String.format(Locale.ROOT, """
                          night %d (%s): %,d cases assessed, %,d changed
                            nightly re-assessment: %7.2f s   peak heap %,5d MB (max %,d MB)
                            plain scan of %,d session/score rows: %7.2f s (best of the one before and after)
                            re-assessment / scan:  %7.2f
                        """, night, run.runFor(), run.casesAssessed(), run.casesChanged(), seconds(took),
                        peak / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20), scan.rows(),
                        seconds(reference), (double) took / reference));
                instants.advance(Duration.ofDays(1));
            }
            System.out.printf(Locale.ROOT, """

                    Nightly benchmark: %,d open cases, %,d sessions, %,d scores; generated in %.1f s
                    %s""", OPEN_CASES, count(context, "therapy_session"), count(context, "session_score"),
                    seconds(generated), report);
        }
    }

    private record Scan(long rows, long nanos) {
    }

    /** Every session of the open cases with its scores, streamed in case order as the job reads them. */
    private static Scan scan(DataSource dataSource) throws Exception {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.prepareStatement("""
                    SELECT s.case_id, s.id, s.session_date, s.attendance, s.homework, sc.measure_code, sc.score
                    FROM therapy_case c JOIN therapy_session s ON s.case_id = c.id
                    LEFT JOIN session_score sc ON sc.session_id = s.id
                    WHERE c.closed_on IS NULL ORDER BY s.case_id, s.session_date, s.id, sc.measure_code""")) {
                statement.setFetchSize(5_000);
                var start = System.nanoTime();
                long rows = 0;
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        result.getLong(1);
                        result.getObject(3, LocalDate.class);
                        result.getString(4);
                        result.getString(5);
                        result.getString(6);
                        result.getBigDecimal(7);
                        rows++;
                    }
                }
                var took = System.nanoTime() - start;
                connection.rollback();
                return new Scan(rows, took);
            }
        }
    }

    private static void generate(ConfigurableApplicationContext context) {
        var today = LocalDate.now(context.getBean(Clock.class));
        var accounts = context.getBean(UserAccounts.class);
        var credentials = context.getBean(Credentials.class);
        var hash = context.getBean(PasswordEncoder.class).encode("benchmark-password-1");
        for (var number = 1; number <= THERAPISTS; number++) {
            var id = Objects.requireNonNull(accounts.save(UserAccount.newAccount(new Username("bench.t" + number),
                    "Benchmark Therapist " + number, hash, Set.of(Role.THERAPIST))).id());
            var licenceEnds = number == 1 ? today.plusDays(1) : today.plusYears(1);
            credentials.save(new Credential(null, 0, id, CredentialType.LICENCE, "Practitioner psychologist",
                    "BL-" + number, "HCPC", "United Kingdom", today.minusYears(3), licenceEnds, null));
            credentials.save(new Credential(null, 0, id, CredentialType.REGISTRATION, "Accredited member",
                    "BR-" + number, "BABCP", "United Kingdom", today.minusYears(3), today.plusYears(1), null));
            credentials.save(new Credential(null, 0, id, CredentialType.INSURANCE, "Indemnity", "BI-" + number,
                    "Balens", "United Kingdom", today.minusMonths(6), today.plusYears(1), null));
            credentials.addCpd(new CpdEntry(id, today.minusMonths(2), 30, "Supervision skills"));
        }
        var jdbc = context.getBean(JdbcClient.class);
        jdbc.sql("INSERT INTO client (code) SELECT 'NB-' || g FROM generate_series(1, :n) g")
                .param("n", OPEN_CASES + CLOSED_CASES).update();
        // Case n opened 140 to 200 days ago; every 26th is finished, for the expected trajectories.
        jdbc.sql("""
                INSERT INTO therapy_case (client_id, presenting_problem, approach, primary_measure, alliance_measure,
                    opened_on, closed_on, closing_reason, therapist_id)
                SELECT c.id, 'Low mood', 'CBT', 'PHQ-9', 'SRS', CAST(:today AS date) - (140 + n % 61),
                       CASE WHEN n % 26 = 0 THEN CAST(:today AS date) - (140 + n % 61) + 140 END,
                       CASE WHEN n % 26 = 0 THEN 'PLANNED_ENDING_COMPLETED' END,
                       (SELECT id FROM user_account WHERE username = 'bench.t' || (1 + n % :therapists))
                FROM (SELECT id, CAST(substring(code FROM 4) AS int) AS n FROM client WHERE code LIKE 'NB-%') c""")
                .param("today", today).param("therapists", THERAPISTS).update();
        jdbc.sql("""
                INSERT INTO therapy_session (case_id, session_date, attendance, homework)
                SELECT c.id, c.opened_on + 7 * k,
                       CASE WHEN (c.id * 31 + k * 7) % 10 < 8 THEN 'ATTENDED'
                            WHEN (c.id + k) % 2 = 0 THEN 'CANCELLED' ELSE 'NO_SHOW' END,
                       CASE WHEN (c.id * 31 + k * 7) % 10 < 8
                            THEN (ARRAY['YES', 'PARTLY', 'NO', 'NOT_SET'])[1 + (c.id + k) % 4] ELSE 'NOT_SET' END
                FROM therapy_case c CROSS JOIN generate_series(0, :sessions - 1) k""")
                .param("sessions", SESSIONS_PER_CASE).update();
        jdbc.sql("""
                INSERT INTO session_score (session_id, measure_code, score)
                SELECT s.id, 'PHQ-9', greatest(0, least(27, 19 - ((s.session_date - c.opened_on) / 7) * (c.id % 3) / 2
                                                             + (s.id % 5) - 2))
                FROM therapy_session s JOIN therapy_case c ON c.id = s.case_id WHERE s.attendance = 'ATTENDED'""").update();
        jdbc.sql("""
                INSERT INTO session_score (session_id, measure_code, score)
                SELECT s.id, 'SRS', 30 + (s.id % 100) / 10.0
                FROM therapy_session s WHERE s.attendance = 'ATTENDED'""").update();
        jdbc.sql("ANALYZE").update();
    }

    private static long count(ConfigurableApplicationContext context, String table) {
        return context.getBean(JdbcClient.class).sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the heap in use at any moment. */
    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
