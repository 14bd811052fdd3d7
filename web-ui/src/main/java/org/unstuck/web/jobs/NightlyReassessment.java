package org.unstuck.web.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.persistence.jobs.JdbcJobRuns;
import org.unstuck.persistence.jobs.JobRun;
import org.unstuck.persistence.progress.PracticeReassessment;
import org.unstuck.persistence.progress.PracticeReassessment.Batch;
import org.unstuck.web.notification.CredentialReminders;

/**
 * Re-assesses every open case for the practice's new day, so that day counts (drift) and
 * credentials ending overnight show without anyone touching the case, then sends the day's
 * credential reminders. Cases go in batches of consecutive ids, each in its own transaction, a few
 * batches at once so that the database works on one while the application assesses another; the
 * checkpoint moves past a round of batches once all of them have committed, and an attempt that
 * finds the day's previous attempt unfinished continues after it (a batch it re-assesses again
 * writes nothing that has not changed).
 */
@Component
public class NightlyReassessment {

    public static final String JOB = "nightly-reassessment";

    private static final Logger LOG = LoggerFactory.getLogger(NightlyReassessment.class);

    private final PracticeReassessment reassessment;
    private final CredentialReminders reminders;
    private final JdbcJobRuns runs;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int batchSize;
    private final int parallelBatches;

    NightlyReassessment(PracticeReassessment reassessment, CredentialReminders reminders, JdbcJobRuns runs,
            TransactionTemplate transaction, Clock clock, JobsProperties properties) {
        this.reassessment = reassessment;
        this.reminders = reminders;
        this.runs = runs;
        this.transaction = transaction;
        this.clock = clock;
        this.batchSize = properties.batchSize();
        this.parallelBatches = properties.parallelBatches();
    }

    /** Thrown when the node stops between two batches; the retry continues from the checkpoint. */
    static final class StoppedByShutdown extends RuntimeException {
        StoppedByShutdown() {
            super("The node shut down during the run; another attempt continues it");
        }
    }

    /** A batch's result once it has committed; its failure fails the attempt, which the next one continues. */
    private static Batch finished(Future<Batch> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The nightly re-assessment was interrupted while a batch ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("A batch of the nightly re-assessment failed", e.getCause());
        }
    }

    void run(ExecutionContext context) {
        run(Objects.requireNonNullElse(context.getExecution().pickedBy, "unknown node"),
                context.getSchedulerState()::isShuttingDown);
    }

    /** One attempt for the practice's current day; returns it as it ended. */
    JobRun run(String node, BooleanSupplier shuttingDown) {
        var run = runs.begin(JOB, LocalDate.now(clock), node, clock.instant());
        try (var workers = Executors.newFixedThreadPool(parallelBatches)) {
            var pass = reassessment.begin(run.runFor(), AssessmentCause.NIGHTLY);
            var after = Objects.requireNonNullElse(run.checkpoint(), 0L);
            while (true) {
                if (shuttingDown.getAsBoolean()) {
                    runs.interrupted(run.id(), clock.instant());
                    throw new StoppedByShutdown();
                }
                var ranges = reassessment.ranges(after, batchSize, parallelBatches);
                if (ranges.isEmpty()) {
                    break;
                }
                var batches = ranges.stream().map(range -> workers.submit(() -> reassessment.next(pass, range))).toList();
                var assessed = 0;
                var changed = 0;
                for (var batch : batches) {
                    var done = finished(batch);
                    assessed += done.assessed();
                    changed += done.changed();
                }
                var roundEnd = ranges.getLast().upTo();
                var roundAssessed = assessed;
                var roundChanged = changed;
                transaction.executeWithoutResult(status -> runs.progressed(run.id(), roundEnd, roundAssessed, roundChanged));
                after = roundEnd;
            }
            var reminded = reminders.remind();
            runs.succeeded(run.id(), clock.instant());
            var done = runs.find(run.id()).orElseThrow();
            LOG.info("Nightly re-assessment for {}: {} cases assessed, {} changed; {} credential reminders sent", done.runFor(),
                    done.casesAssessed(), done.casesChanged(), reminded);
            return done;
        } catch (StoppedByShutdown stopped) {
            throw stopped;
        } catch (RuntimeException failure) {
            runs.failed(run.id(), failure, clock.instant());
            throw failure;
        }
    }
}
