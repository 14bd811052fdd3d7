-- The practice's time zone, and every change of each case's assessment kept with the day it took
-- effect, so a follow-up is judged on its date and a report for a past period uses that period's flags.

CREATE TABLE practice_profile (
    id        SMALLINT    PRIMARY KEY DEFAULT 1,
    -- NULL: the zone of the server the application runs on.
    time_zone VARCHAR(64),
    version   BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT practice_profile_single_row CHECK (id = 1)
);

CREATE FUNCTION practice_profile_zone_known() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.time_zone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = NEW.time_zone) THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            CONSTRAINT = 'practice_profile_time_zone_known',
            MESSAGE = format('time zone %s is not a known time zone name such as Europe/Madrid', NEW.time_zone);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER practice_profile_zone_known BEFORE INSERT OR UPDATE ON practice_profile
    FOR EACH ROW EXECUTE FUNCTION practice_profile_zone_known();

INSERT INTO practice_profile (time_zone) VALUES (NULL);

CREATE TABLE case_assessment (
    id               BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id          BIGINT        NOT NULL REFERENCES therapy_case (id),
    effective_on     DATE          NOT NULL,
    recorded_at      TIMESTAMPTZ   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    cause            VARCHAR(16)   NOT NULL,
    settings_version BIGINT        NOT NULL,
    rule_set_version VARCHAR(32)   NOT NULL,
    CONSTRAINT case_assessment_status_known CHECK (status IN ('INSUFFICIENT_DATA', 'ON_TRACK', 'WATCH', 'STALLED',
        'DETERIORATING')),
    CONSTRAINT case_assessment_cause_known CHECK (cause IN ('CASE_OPENED', 'SESSION', 'NOTE', 'DECISION', 'REFERRAL',
        'CREDENTIAL', 'IMPORT', 'SETTINGS', 'NIGHTLY', 'HISTORY')),
    CONSTRAINT case_assessment_settings_version CHECK (settings_version >= 0)
);

-- "Status of case X on day D" is one read of this index.
CREATE INDEX case_assessment_case_day_idx ON case_assessment (case_id, effective_on DESC, id DESC);
CREATE INDEX case_assessment_day_idx ON case_assessment (effective_on);

-- The signals of each entry, as the case's latest assessment keeps them.
CREATE TABLE case_assessment_signal (
    assessment_id BIGINT        NOT NULL REFERENCES case_assessment (id),
    position      INT           NOT NULL,
    rule          VARCHAR(32)   NOT NULL,
    reason        VARCHAR(24)   NOT NULL,
    severity      VARCHAR(16)   NOT NULL,
    message_key   VARCHAR(64)   NOT NULL,
    arguments     VARCHAR(80)[] NOT NULL,
    CONSTRAINT case_assessment_signal_pkey PRIMARY KEY (assessment_id, position),
    CONSTRAINT case_assessment_signal_rule_known CHECK (rule IN ('RELIABLE_DETERIORATION', 'NO_RELIABLE_IMPROVEMENT',
        'OFF_EXPECTED_TRAJECTORY', 'ALLIANCE_CONCERN', 'LOW_ATTENDANCE', 'HOMEWORK_NOT_DONE', 'DRIFT',
        'THERAPIST_RETICENCE', 'THERAPIST_READINESS')),
    CONSTRAINT case_assessment_signal_reason_known CHECK (reason IN ('ALLIANCE', 'APPROACH_FIT', 'THERAPIST_RETICENCE',
        'CLIENT_ENGAGEMENT', 'THERAPIST_READINESS')),
    CONSTRAINT case_assessment_signal_severity_known CHECK (severity IN ('WATCH', 'STALLED', 'DETERIORATING'))
);

CREATE TRIGGER case_assessment_append_only BEFORE UPDATE OR DELETE ON case_assessment
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER case_assessment_no_truncate BEFORE TRUNCATE ON case_assessment
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER case_assessment_signal_append_only BEFORE UPDATE OR DELETE ON case_assessment_signal
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER case_assessment_signal_no_truncate BEFORE TRUNCATE ON case_assessment_signal
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();

-- The assessments already stored become the first entry of each case's history.
INSERT INTO case_assessment (case_id, effective_on, recorded_at, status, cause, settings_version, rule_set_version)
SELECT snapshot.case_id, snapshot.status_since, snapshot.computed_at, snapshot.status, 'HISTORY',
       (SELECT version FROM review_settings WHERE id = 1), snapshot.rule_set_version
FROM case_progress_snapshot snapshot;

INSERT INTO case_assessment_signal (assessment_id, position, rule, reason, severity, message_key, arguments)
SELECT assessment.id, signal.position, signal.rule, signal.reason, signal.severity, signal.message_key, signal.arguments
FROM case_assessment assessment
JOIN case_progress_signal signal ON signal.case_id = assessment.case_id;
