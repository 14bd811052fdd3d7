package org.unstuck.persistence.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.unstuck.domain.ConcurrentChangeException;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.caseload.Cases;
import org.unstuck.domain.practice.Role;
import org.unstuck.persistence.PostgresTest;
import org.unstuck.persistence.PracticeFixture;

/** Two people save the same case at the same moment: one wins, the other is told, nothing is lost. */
@PostgresTest
class ConcurrentCaseEditTest {

    @Autowired Cases cases;
    @Autowired PracticeFixture practice;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void the_second_of_two_simultaneous_saves_fails_with_the_optimistic_lock_message() throws Exception {
        var caseId = practice.openCase(practice.user("cat", Role.THERAPIST), LocalDate.of(2026, 9, 1));
        var copyA = cases.find(caseId).orElseThrow();
        var copyB = cases.find(caseId).orElseThrow();
        var firstSaved = new CountDownLatch(1);
        var release = new CountDownLatch(1);

        // Two threads of their own: the common pool may have only one on a small machine.
        var editors = Executors.newFixedThreadPool(2);
        var first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            cases.save(copyA.changeApproach(new Approach("Schema therapy")));
            firstSaved.countDown();
            waitFor(release);
        }), editors);
        waitFor(firstSaved);
        var second = CompletableFuture.supplyAsync(() -> {
            try {
                cases.save(copyB.changeApproach(new Approach("EMDR")));
                return null;
            } catch (ConcurrentChangeException refused) {
                return refused;
            }
        }, editors);
        // The second save reads the committed version, then waits for the first transaction's row lock.
        await().atMost(Duration.ofSeconds(30)).until(() -> second.isDone() || jdbc.sql(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                .query(Integer.class).single() > 0);
        assertThat(second).as("the second save waits for the first transaction").isNotDone();
        release.countDown();
        first.get();

        assertThat(second.get()).isInstanceOf(ConcurrentChangeException.class)
                .hasMessage("Someone else changed this case in the meantime. Nothing was saved: reload and make your change again.");
        assertThat(cases.find(caseId).orElseThrow().approach()).isEqualTo(new Approach("Schema therapy"));
        editors.shutdown();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Timed out waiting for the other transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
