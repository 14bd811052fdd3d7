package org.unstuck.web.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.unstuck.web.audit.AuditChainChecks;
import org.unstuck.web.notification.Mailer;
import org.unstuck.web.notification.WeeklyDigest;

/**
 * db-scheduler's core library, wired by hand: its Spring Boot starter (16.7.1) is built for Boot 3's
 * auto-configuration packages and creates no scheduler on Boot 4. Executions live in
 * {@code scheduled_tasks}; a node takes a due one by a versioned update, so it runs on one node
 * however many share the database, and a node that stops sending heartbeats has its executions
 * run again elsewhere. The scheduler reads time from the practice's clock and starts once the
 * application is ready.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
public class JobsConfiguration {

    static final String MAIL_SENDER = "mail-sender";
    static final String WEEKLY_DIGEST = "weekly-digest";

    @Bean
    DailySchedules dailySchedules(Clock clock) {
        return new DailySchedules(clock);
    }

    @Bean
    RecurringTask<Void> nightlyReassessmentTask(DailySchedules schedules, NightlyReassessment job, JobsProperties properties,
            Clock clock) {
        var schedule = schedules.reassessment();
        return Tasks.recurring(NightlyReassessment.JOB, schedule)
                .onFailure(retriedThenNextRun(schedule, properties))
                .onDeadExecution(revivedNow(clock))
                .execute((instance, context) -> job.run(context));
    }

    /** A broken chain is a finding, stored and logged, not a failure; a check that could not run is retried. */
    @Bean
    RecurringTask<Void> auditChainCheckTask(AuditChainChecks checks, DailySchedules schedules, JobsProperties properties,
            Clock clock) {
        var schedule = schedules.chainCheck();
        return Tasks.recurring(AuditChainChecks.JOB, schedule)
                .onFailure(retriedThenNextRun(schedule, properties))
                .onDeadExecution(revivedNow(clock))
                .execute((instance, context) -> checks.nightly());
    }

    /** The e-mail queue, sent every half minute by one node; each message keeps its own retries. */
    @Bean
    RecurringTask<Void> mailSenderTask(Mailer mailer, Clock clock) {
        return Tasks.recurring(MAIL_SENDER, FixedDelay.of(mailer.sendEvery()))
                .onDeadExecution(revivedNow(clock))
                .execute((instance, context) -> mailer.sendDue());
    }

    /** Runs every morning at seven in the practice's zone and queues the digests on the day they go out. */
    @Bean
    RecurringTask<Void> weeklyDigestTask(WeeklyDigest digest, DailySchedules schedules, JobsProperties properties,
            Clock clock) {
        var schedule = schedules.digest();
        return Tasks.recurring(WEEKLY_DIGEST, schedule)
                .onFailure(retriedThenNextRun(schedule, properties))
                .onDeadExecution(revivedNow(clock))
                .execute((instance, context) -> digest.queueIfDue());
    }

    /** Retries with a growing wait, and after the last retry waits for the schedule's next time. */
    private static FailureHandler<Void> retriedThenNextRun(NightlySchedule schedule, JobsProperties properties) {
        return new FailureHandler.MaxRetriesFailureHandler<>(properties.maxRetries(),
                new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryBackoff(), 2),
                (failed, operations) -> operations.reschedule(failed, schedule.getNextExecutionTime(failed)));
    }

    /** db-scheduler's own revival reads the system clock; this one reads the practice's, as the scheduler does. */
    private static DeadExecutionHandler<Void> revivedNow(Clock clock) {
        return (dead, operations) -> operations.reschedule(dead, clock.instant());
    }

    @Bean
    Scheduler scheduler(DataSource dataSource, List<RecurringTask<?>> recurring, Clock clock, JobsProperties properties) {
        return Scheduler.create(dataSource, List.<Task<?>>of())
                .startTasks(recurring)
                .clock(clock::instant)
                .schedulerName(properties.nodeName() == null || properties.nodeName().isBlank()
                        ? new SchedulerName.Hostname() : new SchedulerName.Fixed(properties.nodeName()))
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .threads(2)
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
    }

    /** Starts taking jobs once the application serves requests, and stops before its database connections close. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> schedulerStart(Scheduler scheduler, JobsProperties properties) {
        return ready -> {
            if (properties.schedulerEnabled()) {
                scheduler.start();
            }
        };
    }

    @Bean
    ApplicationListener<ContextClosedEvent> schedulerStop(Scheduler scheduler) {
        return closed -> {
            if (scheduler.getSchedulerState().isStarted()) {
                scheduler.stop();
            }
        };
    }
}
