package org.unstuck.web.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.TransactionException;
import org.unstuck.domain.audit.AuditTrail;
import org.unstuck.domain.caseload.Attendance;
import org.unstuck.domain.caseload.Homework;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.caseload.CaseloadService;
import org.unstuck.web.caseload.SessionEntry;

/**
 * The database goes away while therapists record sessions — every connection cut, new ones
 * refused — and comes back. Requests in between fail with a database error and write nothing;
 * afterwards the application works again on its own, and no session was half written.
 */
@UnstuckAppTest
class DatabaseOutageTest {

    private static final String THERAPIST = "therapist3";
    private static final int WORKERS = 2;
    private static final long WAIT_SECONDS = 60;

    @Autowired CaseloadService caseload;
    @Autowired UserDetailsService users;
    @Autowired HikariDataSource pool;
    @Value("${unstuck.test.database.admin-username}") String adminUsername;
    @Value("${unstuck.test.database.admin-password}") String adminPassword;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail trail;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger recorded = new AtomicInteger();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final CountDownLatch someRecorded = new CountDownLatch(3);
    private final CountDownLatch someFailed = new CountDownLatch(1);
    private volatile CountDownLatch recordedAfterwards = new CountDownLatch(0);

    /** The therapist's longest-running open cases, whose many days without a session leave room for a day each. */
    private List<Long> openCasesOf(String therapist) {
        return jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = :therapist AND c.closed_on IS NULL AND c.primary_measure = 'PHQ-9'
                ORDER BY c.opened_on, c.id LIMIT :workers""")
                .param("therapist", therapist).param("workers", WORKERS).query(Long.class).list();
    }

    private int sessionsOn(List<Long> cases) {
        return jdbc.sql("SELECT count(*) FROM therapy_session WHERE case_id IN (:cases)").param("cases", cases)
                .query(Integer.class).single();
    }

    /** The days since the case opened on which it has no session yet, earliest first: one session a day. */
    private Deque<LocalDate> freeDays(long caseId) {
        var opened = jdbc.sql("SELECT opened_on FROM therapy_case WHERE id = :id").param("id", caseId)
                .query(LocalDate.class).single();
        var taken = Set.copyOf(jdbc.sql("SELECT session_date FROM therapy_session WHERE case_id = :id").param("id", caseId)
                .query(LocalDate.class).list());
        var free = new ArrayDeque<LocalDate>();
        for (var day = opened.plusDays(1); day.isBefore(LocalDate.now()); day = day.plusDays(1)) {
            if (!taken.contains(day)) {
                free.add(day);
            }
        }
        return free;
    }

    private void recordUntilStopped(long caseId, Deque<LocalDate> freeDays) {
        TestSignIn.as(users, THERAPIST);
        try {
            while (running.get() && !freeDays.isEmpty()) {
                try {
                    caseload.recordSession(caseId, new SessionEntry(freeDays.peek(), Attendance.ATTENDED,
                            Map.of("PHQ-9", 12.0, "SRS", 36.0), Homework.PARTLY));
                    freeDays.pop();
                    recorded.incrementAndGet();
                    someRecorded.countDown();
                    recordedAfterwards.countDown();
                } catch (RuntimeException failure) {
                    failures.add(failure);
                    someFailed.countDown();
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A connection to the server's own database, from where the application's database can be shut. */
    private Connection admin(String database) throws SQLException {
        return DriverManager.getConnection(pool.getJdbcUrl().replace("/" + database, "/postgres"), adminUsername,
                adminPassword);
    }

    @Test
    void requests_fail_cleanly_while_the_database_is_away_and_work_again_when_it_is_back() throws Exception {
        var cases = openCasesOf(THERAPIST);
        var before = sessionsOn(cases);
        var database = jdbc.sql("SELECT current_database()").query(String.class).single();
        var workers = cases.stream().map(caseId -> {
            var days = freeDays(caseId);
            return Thread.ofPlatform().start(() -> recordUntilStopped(caseId, days));
        }).toList();
        try (var admin = admin(database); var statement = admin.createStatement()) {
            try {
                assertThat(someRecorded.await(WAIT_SECONDS, TimeUnit.SECONDS))
                        .as("sessions recorded before the outage; first failure: %s", failures.peek()).isTrue();

                statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                assertThat(someFailed.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("requests failing during the outage").isTrue();

                recordedAfterwards = new CountDownLatch(3);
            } finally {
                // Whatever happened above, the database comes back for the tests that share it.
                statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }
            assertThat(recordedAfterwards.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("sessions recorded after it").isTrue();
        } finally {
            running.set(false);
            for (var worker : workers) {
                worker.join();
            }
        }

        assertThat(failures).isNotEmpty().allSatisfy(failure ->
                assertThat(failure).isInstanceOfAny(DataAccessException.class, TransactionException.class));
        assertThat(sessionsOn(cases) - before).as("every recorded session, and nothing of a failed one")
                .isEqualTo(recorded.get());
        assertThat(jdbc.sql("""
                SELECT count(*) FROM therapy_session s WHERE s.case_id IN (:cases) AND s.attendance = 'ATTENDED'
                  AND NOT EXISTS (SELECT 1 FROM session_score sc WHERE sc.session_id = s.id AND sc.measure_code = 'PHQ-9')""")
                .param("cases", cases).query(Integer.class).single()).as("sessions without their scores").isZero();
        assertThat(trail.verify().intact()).isTrue();
    }
}
