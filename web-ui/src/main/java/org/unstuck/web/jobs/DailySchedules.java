package org.unstuck.web.jobs;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Map;
import org.unstuck.web.audit.AuditChainChecks;

/**
 * The jobs that run once a day at a time in the practice's zone, each with its one schedule, so that
 * the task and the move to a new zone read the same times.
 */
public record DailySchedules(NightlySchedule reassessment, NightlySchedule chainCheck, NightlySchedule digest) {

    static final LocalTime DIGEST_AT = LocalTime.of(7, 0);

    DailySchedules(Clock clock) {
        this(new NightlySchedule(clock), new NightlySchedule(clock, AuditChainChecks.NIGHTLY_AT),
                new NightlySchedule(clock, DIGEST_AT));
    }

    /** Each daily job's execution, with its schedule. */
    Map<TaskInstanceId, NightlySchedule> byExecution() {
        return Map.of(execution(NightlyReassessment.JOB), reassessment, execution(AuditChainChecks.JOB), chainCheck,
                execution(JobsConfiguration.WEEKLY_DIGEST), digest);
    }

    static TaskInstanceId execution(String job) {
        return TaskInstanceId.of(job, RecurringTask.INSTANCE);
    }
}
