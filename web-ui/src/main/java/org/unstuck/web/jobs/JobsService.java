package org.unstuck.web.jobs;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unstuck.persistence.jobs.JdbcJobRuns;
import org.unstuck.persistence.jobs.JobRun;

/** What the admin sees of the durable jobs: each job's latest runs and when it runs next. */
@Service
public class JobsService {

    static final int RUNS_SHOWN = 10;

    private final JdbcJobRuns runs;
    private final SchedulerClient scheduler;
    private final DailySchedules schedules;
    private final Clock clock;

    JobsService(JdbcJobRuns runs, SchedulerClient scheduler, DailySchedules schedules, Clock clock) {
        this.runs = runs;
        this.scheduler = scheduler;
        this.schedules = schedules;
        this.clock = clock;
    }

    /**
     * A job's latest attempts (newest first), its next run, whether a node is running it now, and
     * the practice's zone the times are shown in.
     */
    public record JobOverview(String job, List<JobRun> runs, Instant nextRun, boolean runningNow, ZoneId zone) {
    }

    private static final TaskInstanceId NIGHTLY = DailySchedules.execution(NightlyReassessment.JOB);

    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public List<JobOverview> jobs() {
        var execution = scheduler.getScheduledExecution(NIGHTLY);
        return List.of(new JobOverview(NightlyReassessment.JOB, runs.latest(NightlyReassessment.JOB, RUNS_SHOWN),
                execution.map(ScheduledExecution::getExecutionTime).orElseGet(() -> schedules.reassessment().after(clock.instant())),
                execution.map(ScheduledExecution::isPicked).orElse(false), clock.getZone()));
    }

    /**
     * Moves the next run of every daily job to its time in the practice's new time zone; a run in
     * progress keeps going and works out its next time in the new zone when it ends.
     */
    @RolesAllowed("ADMIN")
    public void followPracticeZone() {
        schedules.byExecution().forEach((id, schedule) -> scheduler.getScheduledExecution(id)
                .filter(execution -> !execution.isPicked())
                .ifPresent(execution -> scheduler.reschedule(id, schedule.after(clock.instant()))));
    }
}
