package org.unstuck.web.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.unstuck.domain.progress.AssessmentCause;
import org.unstuck.persistence.jobs.JdbcJobRuns;
import org.unstuck.persistence.jobs.JobRun;
import org.unstuck.persistence.progress.PracticeReassessment;
import org.unstuck.web.notification.CredentialReminders;

/**
 * Re-assesses every open case for the practice's new day, so that day counts (drift) and
 * credentials ending overnight show without anyone touching the case, then sends the day's
 * credential reminders. Cases go in batches of
 * consecutive ids, each batch and its checkpoint in one transaction; an attempt that finds the
 * day's previous attempt unfinished continues after its last case.
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

    NightlyReassessment(PracticeReassessment reassessment, CredentialReminders reminders, JdbcJobRuns runs,
            TransactionTemplate transaction, Clock clock, JobsProperties properties) {
        this.reassessment = reassessment;
        this.reminders = reminders;
        this.runs = runs;
        this.transaction = transaction;
        this.clock = clock;
        this.batchSize = properties.batchSize();
    }

    /** Thrown when the node stops between two batches; the retry continues from the checkpoint. */
    static final class StoppedByShutdown extends RuntimeException {
        StoppedByShutdown() {
            super("The node shut down during the run; another attempt continues it");
        }
    }

    void run(ExecutionContext context) {
        run(Objects.requireNonNullElse(context.getExecution().pickedBy, "unknown node"),
                context.getSchedulerState()::isShuttingDown);
    }

    /** One attempt for the practice's current day; returns it as it ended. */
    JobRun run(String node, BooleanSupplier shuttingDown) {
        var run = runs.begin(JOB, LocalDate.now(clock), node, clock.instant());
        try {
            var pass = reassessment.begin(run.runFor(), AssessmentCause.NIGHTLY);
            var after = Objects.requireNonNullElse(run.checkpoint(), 0L);
            while (true) {
                if (shuttingDown.getAsBoolean()) {
                    runs.interrupted(run.id(), clock.instant());
                    throw new StoppedByShutdown();
                }
                var from = after;
                var batch = Objects.requireNonNull(transaction.execute(status -> {
                    var done = reassessment.next(pass, from, batchSize);
                    if (done.assessed() > 0) {
                        runs.progressed(run.id(), done.lastCaseId(), done.assessed(), done.changed());
                    }
                    return done;
                }));
                if (batch.assessed() < batchSize) {
                    break;
                }
                after = batch.lastCaseId();
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
