package org.unstuck.persistence.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Each attempt of a job in {@code job_run}; an attempt's progress is written in the transaction of the work it counts. */
@Repository
@Transactional
public class JdbcJobRuns {

    /** Error texts are kept to the column's size. */
    static final int ERROR_LENGTH = 500;

    private final JdbcClient jdbc;

    JdbcJobRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts an attempt of this job for this day. When the day's latest attempt did not succeed it is
     * continued from its checkpoint, and one still marked running is marked interrupted: the
     * scheduler runs a job on one node at a time, so a running attempt found here died with its node.
     */
    public JobRun begin(String jobName, LocalDate runFor, String node, Instant now) {
        var previous = jdbc.sql("""
                SELECT * FROM job_run WHERE job_name = :job AND run_for = :day ORDER BY attempt DESC LIMIT 1 FOR UPDATE""")
                .param("job", jobName).param("day", runFor).query(JdbcJobRuns::run).optional();
        previous.filter(run -> run.outcome() == JobRun.Outcome.RUNNING).ifPresent(dead -> jdbc.sql("""
                UPDATE job_run SET outcome = 'INTERRUPTED', finished_at = greatest(:now, started_at) WHERE id = :id""")
                .param("now", Timestamp.from(now)).param("id", dead.id()).update());
        var resumeAfter = previous.filter(run -> run.outcome() != JobRun.Outcome.SUCCEEDED).map(JobRun::checkpoint).orElse(null);
        var id = jdbc.sql("""
                INSERT INTO job_run (job_name, run_for, attempt, node, started_at, resumed_after, last_case_id, outcome)
                VALUES (:job, :day, :attempt, :node, :now, :resumed, :resumed, 'RUNNING') RETURNING id""")
                .param("job", jobName).param("day", runFor).param("attempt", previous.map(JobRun::attempt).orElse(0) + 1)
                .param("node", node).param("now", Timestamp.from(now)).param("resumed", resumeAfter)
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    /** Counts a batch done; called inside the batch's transaction, so the checkpoint never runs ahead of the work. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void progressed(long runId, long lastCaseId, int assessed, int changed) {
        jdbc.sql("""
                UPDATE job_run SET last_case_id = :last, cases_assessed = cases_assessed + :assessed,
                    cases_changed = cases_changed + :changed
                WHERE id = :id AND outcome = 'RUNNING'""")
                .param("last", lastCaseId).param("assessed", assessed).param("changed", changed).param("id", runId).update();
    }

    public void succeeded(long runId, Instant now) {
        finish(runId, JobRun.Outcome.SUCCEEDED, null, now);
    }

    /** An attempt that stopped before the end because its node is shutting down; the next attempt continues it. */
    public void interrupted(long runId, Instant now) {
        finish(runId, JobRun.Outcome.INTERRUPTED, null, now);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(long runId, Throwable error, Instant now) {
        finish(runId, JobRun.Outcome.FAILED, shortened(error), now);
    }

    private void finish(long runId, JobRun.Outcome outcome, @Nullable String error, Instant now) {
        jdbc.sql("""
                UPDATE job_run SET outcome = :outcome, error = :error, finished_at = greatest(:now, started_at)
                WHERE id = :id AND outcome = 'RUNNING'""")
                .param("outcome", outcome.name()).param("error", error).param("now", Timestamp.from(now))
                .param("id", runId).update();
    }

    /** The innermost cause says what went wrong (the database's own message), where the outer ones repeat the SQL. */
    static String shortened(Throwable error) {
        var cause = NestedExceptionUtils.getMostSpecificCause(error);
        var text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage().strip());
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 1) + "…";
    }

    @Transactional(readOnly = true)
    public Optional<JobRun> find(long runId) {
        return jdbc.sql("SELECT * FROM job_run WHERE id = :id").param("id", runId).query(JdbcJobRuns::run).optional();
    }

    /** A job's latest attempts, newest first. */
    @Transactional(readOnly = true)
    public List<JobRun> latest(String jobName, int limit) {
        return jdbc.sql("SELECT * FROM job_run WHERE job_name = :job ORDER BY started_at DESC, id DESC LIMIT :limit")
                .param("job", jobName).param("limit", limit).query(JdbcJobRuns::run).list();
    }

    private static JobRun run(ResultSet row, int number) throws SQLException {
        var finished = row.getTimestamp("finished_at");
        return new JobRun(row.getLong("id"), row.getString("job_name"), row.getObject("run_for", LocalDate.class),
                row.getInt("attempt"), row.getString("node"), row.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), row.getObject("resumed_after", Long.class),
                row.getObject("last_case_id", Long.class), row.getInt("cases_assessed"), row.getInt("cases_changed"),
                JobRun.Outcome.valueOf(row.getString("outcome")), row.getString("error"));
    }
}
