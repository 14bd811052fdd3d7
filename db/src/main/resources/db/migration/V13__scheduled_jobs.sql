-- Durable jobs: db-scheduler's own table (its PostgreSQL DDL, unchanged), where a due execution is
-- picked by one node only and a node's heartbeat shows it is still running; and a record of every run.

CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- One row per attempt of a job. An attempt that finds the previous one of the same day unfinished
-- (its node died, or it failed) continues after that one's last case instead of starting over.
CREATE TABLE job_run (
    id              BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_name        VARCHAR(64)  NOT NULL,
    run_for         DATE         NOT NULL,
    attempt         INT          NOT NULL,
    node            VARCHAR(200) NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ,
    resumed_after   BIGINT,
    last_case_id    BIGINT,
    cases_assessed  INT          NOT NULL DEFAULT 0,
    cases_changed   INT          NOT NULL DEFAULT 0,
    outcome         VARCHAR(12)  NOT NULL,
    error           VARCHAR(500),
    CONSTRAINT job_run_attempt_key UNIQUE (job_name, run_for, attempt),
    CONSTRAINT job_run_name_format CHECK (job_name ~ '^[a-z][a-z0-9-]{1,63}$'),
    CONSTRAINT job_run_attempt_positive CHECK (attempt >= 1),
    CONSTRAINT job_run_node_not_blank CHECK (btrim(node) <> ''),
    CONSTRAINT job_run_outcome_known CHECK (outcome IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'INTERRUPTED')),
    CONSTRAINT job_run_finished_unless_running CHECK ((outcome = 'RUNNING') = (finished_at IS NULL)),
    CONSTRAINT job_run_finished_after_start CHECK (finished_at IS NULL OR finished_at >= started_at),
    CONSTRAINT job_run_error_only_when_failed CHECK ((outcome = 'FAILED') = (error IS NOT NULL)
        AND (error IS NULL OR btrim(error) <> '')),
    CONSTRAINT job_run_counts CHECK (cases_assessed >= 0 AND cases_changed BETWEEN 0 AND cases_assessed),
    CONSTRAINT job_run_progress_forward CHECK (resumed_after IS NULL OR last_case_id >= resumed_after)
);

CREATE INDEX job_run_latest_idx ON job_run (job_name, started_at DESC);
