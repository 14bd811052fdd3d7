-- The practice's stall-rule thresholds, and each case's latest progress assessment for the boards.

CREATE TABLE review_settings (
    id                                  SMALLINT      PRIMARY KEY DEFAULT 1,
    no_improvement_after_sessions       INT           NOT NULL,
    alliance_drop_points                NUMERIC(4, 1) NOT NULL,
    alliance_sessions_below_for_stalled INT           NOT NULL,
    attendance_window                   INT           NOT NULL,
    attendance_minimum_scheduled        INT           NOT NULL,
    minimum_attendance_rate             NUMERIC(3, 2) NOT NULL,
    no_shows_in_a_row                   INT           NOT NULL,
    homework_window                     INT           NOT NULL,
    homework_not_done_count             INT           NOT NULL,
    drift_watch_days                    INT           NOT NULL,
    drift_stalled_days                  INT           NOT NULL,
    off_track_sessions_for_stalled      INT           NOT NULL,
    trajectory_minimum_cases            INT           NOT NULL,
    trajectory_tolerance_z              NUMERIC(5, 4) NOT NULL,
    version                             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT review_settings_single_row CHECK (id = 1),
    CONSTRAINT review_settings_sessions_range CHECK (no_improvement_after_sessions BETWEEN 2 AND 52),
    CONSTRAINT review_settings_alliance_range CHECK (alliance_drop_points BETWEEN 0.1 AND 40
        AND alliance_sessions_below_for_stalled BETWEEN 1 AND 10),
    CONSTRAINT review_settings_attendance_range CHECK (attendance_window BETWEEN 2 AND 52
        AND attendance_minimum_scheduled BETWEEN 1 AND attendance_window
        AND minimum_attendance_rate BETWEEN 0.05 AND 1 AND no_shows_in_a_row BETWEEN 1 AND 10),
    CONSTRAINT review_settings_homework_range CHECK (homework_window BETWEEN 1 AND 20
        AND homework_not_done_count BETWEEN 1 AND homework_window),
    CONSTRAINT review_settings_drift_range CHECK (drift_watch_days BETWEEN 1 AND 365
        AND drift_stalled_days BETWEEN drift_watch_days AND 730),
    CONSTRAINT review_settings_trajectory_range CHECK (off_track_sessions_for_stalled BETWEEN 1 AND 10
        AND trajectory_minimum_cases BETWEEN 5 AND 10000 AND trajectory_tolerance_z BETWEEN 0.5 AND 4)
);

INSERT INTO review_settings (no_improvement_after_sessions, alliance_drop_points, alliance_sessions_below_for_stalled,
    attendance_window, attendance_minimum_scheduled, minimum_attendance_rate, no_shows_in_a_row, homework_window,
    homework_not_done_count, drift_watch_days, drift_stalled_days, off_track_sessions_for_stalled,
    trajectory_minimum_cases, trajectory_tolerance_z)
VALUES (6, 1, 2, 8, 4, 0.75, 2, 4, 3, 21, 42, 2, 20, 1.2816);

CREATE TABLE case_progress_snapshot (
    case_id          BIGINT        PRIMARY KEY REFERENCES therapy_case (id),
    status           VARCHAR(20)   NOT NULL,
    status_since     DATE          NOT NULL,
    top_rule         VARCHAR(32),
    top_reason       VARCHAR(24),
    top_severity     VARCHAR(16),
    primary_first    NUMERIC(6, 2),
    primary_latest   NUMERIC(6, 2),
    last_session_on  DATE,
    sessions_held    INT           NOT NULL,
    rule_set_version VARCHAR(32)   NOT NULL,
    computed_at      TIMESTAMPTZ   NOT NULL,
    CONSTRAINT case_progress_snapshot_status_known CHECK (status IN ('INSUFFICIENT_DATA', 'ON_TRACK', 'WATCH', 'STALLED',
        'DETERIORATING')),
    CONSTRAINT case_progress_snapshot_top_signal_complete CHECK ((top_rule IS NULL) = (top_reason IS NULL)
        AND (top_rule IS NULL) = (top_severity IS NULL)),
    CONSTRAINT case_progress_snapshot_flagged_has_signal CHECK (status IN ('INSUFFICIENT_DATA', 'ON_TRACK')
        OR top_rule IS NOT NULL),
    CONSTRAINT case_progress_snapshot_sessions_held CHECK (sessions_held >= 0)
);

CREATE INDEX case_progress_snapshot_status_idx ON case_progress_snapshot (status);

-- Every signal of a case's latest assessment. Arguments are kept typed ("n:" number, "s:" text) so
-- the sentence can be rendered again in any language.
CREATE TABLE case_progress_signal (
    case_id     BIGINT        NOT NULL REFERENCES case_progress_snapshot (case_id) ON DELETE CASCADE,
    position    INT           NOT NULL,
    rule        VARCHAR(32)   NOT NULL,
    reason      VARCHAR(24)   NOT NULL,
    severity    VARCHAR(16)   NOT NULL,
    message_key VARCHAR(64)   NOT NULL,
    arguments   VARCHAR(80)[] NOT NULL,
    sentence    VARCHAR(400)  NOT NULL,
    CONSTRAINT case_progress_signal_pkey PRIMARY KEY (case_id, position),
    CONSTRAINT case_progress_signal_rule_known CHECK (rule IN ('RELIABLE_DETERIORATION', 'NO_RELIABLE_IMPROVEMENT',
        'OFF_EXPECTED_TRAJECTORY', 'ALLIANCE_CONCERN', 'LOW_ATTENDANCE', 'HOMEWORK_NOT_DONE', 'DRIFT',
        'THERAPIST_RETICENCE', 'THERAPIST_READINESS')),
    CONSTRAINT case_progress_signal_reason_known CHECK (reason IN ('ALLIANCE', 'APPROACH_FIT', 'THERAPIST_RETICENCE',
        'CLIENT_ENGAGEMENT', 'THERAPIST_READINESS')),
    CONSTRAINT case_progress_signal_severity_known CHECK (severity IN ('WATCH', 'STALLED', 'DETERIORATING'))
);
