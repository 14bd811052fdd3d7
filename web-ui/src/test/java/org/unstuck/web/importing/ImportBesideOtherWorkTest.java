package org.unstuck.web.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.caseload.CaseloadService;
import org.unstuck.web.common.PracticeClock;

/** An import does not make other people's audited work wait for it. */
@ImportAppTest
class ImportBesideOtherWorkTest {

    @Autowired ImportService imports;
    @Autowired CaseloadService caseload;
    @Autowired UserDetailsService users;
    @Autowired PracticeClock clock;
    @Autowired JdbcClient jdbc;
    @TempDir Path folder;

    private static final int READS = 7;

    /** therapist1 opens one of their cases several times: each time the page is read and the read audited. */
    private int readingACase(long caseId) {
        TestSignIn.as(users, "therapist1");
        try {
            for (var i = 0; i < READS; i++) {
                caseload.casePage(caseId);
            }
            return READS;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_case_read_during_an_import_finishes_while_the_import_waits() throws Exception {
        var caseId = jdbc.sql("""
                SELECT c.id FROM therapy_case c JOIN user_account u ON u.id = c.therapist_id
                WHERE u.username = 'therapist1' AND c.closed_on IS NULL ORDER BY c.id LIMIT 1""").query(Long.class).single();
        var today = LocalDate.now(clock);
        var lines = new ArrayList<String>();
        for (var i = 0; i < 40; i++) {
            lines.add(CsvFiles.session("W" + i + "-a", "W-C" + i, "W-R" + i, today.minusWeeks(1).toString(), 18));
            lines.add(CsvFiles.session("W" + i + "-b", "W-C" + i, "W-R" + i, today.toString(), 17));
        }
        var file = CsvFiles.write(folder, "beside-other-work.csv", lines);
        var readDone = new CountDownLatch(1);
        var readStarted = new AtomicBoolean();
        var readFinishedWhileImportStood = new AtomicBoolean();
        var during = new CompletableFuture<Integer>();
        ImportProgress whileReassessing = (phase, done, total) -> {
            if (phase == ImportProgress.Phase.REASSESSING && readStarted.compareAndSet(false, true)) {
                // The import stands still inside its transaction: a read that needed one of its locks could not finish.
                Thread.ofPlatform().start(() -> {
                    try {
                        during.complete(readingACase(caseId));
                    } catch (RuntimeException failed) {
                        during.completeExceptionally(failed);
                    } finally {
                        readDone.countDown();
                    }
                });
                try {
                    readFinishedWhileImportStood.set(readDone.await(20, TimeUnit.SECONDS));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        TestSignIn.as(users, "admin");
        try {
            assertThat(imports.importFile(file, "beside-other-work.csv", whileReassessing))
                    .isInstanceOf(ImportResult.Imported.class);
        } finally {
            SecurityContextHolder.clearContext();
        }

        during.get(30, TimeUnit.SECONDS);
        assertThat(readStarted).as("the import reached its re-assessment").isTrue();
        assertThat(readFinishedWhileImportStood).as("the case reads finished before the import went on").isTrue();
    }
}
