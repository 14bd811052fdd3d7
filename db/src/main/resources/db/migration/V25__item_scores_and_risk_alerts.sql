-- Item scores and critical items. A questionnaire measure may define its items (all scored 0 to the
-- same maximum, as the measure scores them, so that they add up to the total) and one critical
-- item with its rule. A session's score may keep its items beside the total. A score whose items
-- meet the rule raises a risk alert, which stays open until a decision reviews or escalates the
-- risk; alerts and their answers are a permanent record. RISK is a status, a severity and a rule
-- above every other.

ALTER TABLE measure
    ADD COLUMN item_count     SMALLINT,
    ADD COLUMN item_max       SMALLINT,
    ADD COLUMN risk_item      SMALLINT,
    ADD COLUMN risk_at_least  SMALLINT,
    ADD COLUMN risk_label     VARCHAR(80),
    ADD COLUMN risk_source    VARCHAR(200),
    ADD COLUMN risk_confirmed BOOLEAN,
    ADD CONSTRAINT measure_items_complete CHECK ((item_count IS NULL) = (item_max IS NULL)),
    ADD CONSTRAINT measure_items_make_range CHECK (item_count IS NULL OR (item_count BETWEEN 1 AND 60
        AND item_max BETWEEN 1 AND 10 AND min_score = 0 AND max_score = item_count * item_max AND decimals = 0)),
    ADD CONSTRAINT measure_risk_rule_complete CHECK ((risk_item IS NULL) = (risk_at_least IS NULL)
        AND (risk_item IS NULL) = (risk_label IS NULL) AND (risk_item IS NULL) = (risk_source IS NULL)
        AND (risk_item IS NULL) = (risk_confirmed IS NULL)),
    ADD CONSTRAINT measure_risk_rule_on_an_item CHECK (risk_item IS NULL OR (item_count IS NOT NULL
        AND risk_item BETWEEN 1 AND item_count AND risk_at_least BETWEEN 1 AND item_max));

UPDATE measure SET item_count = 9, item_max = 3, risk_item = 9, risk_at_least = 1,
    risk_label = 'thoughts of being better off dead or of self-harm',
    risk_source = 'Kroenke, Spitzer & Williams 2001; Simon et al. 2013, Psychiatr Serv 64:1195', risk_confirmed = TRUE
WHERE code = 'PHQ-9';
UPDATE measure SET item_count = 7, item_max = 3 WHERE code = 'GAD-7';
UPDATE measure SET item_count = 10, item_max = 4, risk_item = 6, risk_at_least = 1,
    risk_label = 'made plans to end one''s life',
    risk_source = 'Barkham et al. 2013, Couns Psychother Res 13:3 (item 6 is the measure''s risk item)',
    risk_confirmed = FALSE
WHERE code = 'CORE-10';

ALTER TABLE session_score ADD COLUMN items SMALLINT[];

CREATE OR REPLACE FUNCTION session_score_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    m measure%ROWTYPE;
    attended TEXT;
BEGIN
    SELECT * INTO m FROM measure WHERE code = NEW.measure_code;
    IF NEW.score < m.min_score OR NEW.score > m.max_score OR NEW.score <> round(NEW.score, m.decimals) THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            CONSTRAINT = 'session_score_in_range',
            MESSAGE = format('%s scores are %s–%s with %s decimals; got %s',
                             m.code, m.min_score::float8, m.max_score::float8, m.decimals, NEW.score::float8);
    END IF;
    IF NEW.items IS NOT NULL THEN
        IF m.item_count IS NULL OR cardinality(NEW.items) <> m.item_count OR array_ndims(NEW.items) <> 1
           OR EXISTS (SELECT 1 FROM unnest(NEW.items) AS item WHERE item IS NULL OR item < 0 OR item > m.item_max) THEN
            RAISE EXCEPTION USING
                ERRCODE = '23514',
                CONSTRAINT = 'session_score_items_fit',
                MESSAGE = format('%s item scores do not fit its %s items', m.code, coalesce(m.item_count, 0));
        END IF;
        IF (SELECT sum(item) FROM unnest(NEW.items) AS item) <> NEW.score THEN
            RAISE EXCEPTION USING
                ERRCODE = '23514',
                CONSTRAINT = 'session_score_items_add_up',
                MESSAGE = format('The %s items add up to %s but the total given is %s', m.code,
                                 (SELECT sum(item) FROM unnest(NEW.items) AS item), NEW.score::float8);
        END IF;
    END IF;
    SELECT attendance INTO attended FROM therapy_session WHERE id = NEW.session_id;
    IF attended <> 'ATTENDED' THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            CONSTRAINT = 'session_score_only_when_attended',
            MESSAGE = 'Only an attended session has scores';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TABLE risk_alert (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id      BIGINT      NOT NULL REFERENCES therapy_case (id),
    session_id   BIGINT      NOT NULL REFERENCES therapy_session (id),
    measure_code VARCHAR(20) NOT NULL REFERENCES measure (code),
    item         SMALLINT    NOT NULL,
    score        SMALLINT    NOT NULL,
    raised_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT risk_alert_once_per_score UNIQUE (session_id, measure_code),
    CONSTRAINT risk_alert_item_numbered CHECK (item >= 1),
    CONSTRAINT risk_alert_score_endorses CHECK (score >= 1)
);

CREATE INDEX risk_alert_case_idx ON risk_alert (case_id);

CREATE TABLE risk_alert_answer (
    alert_id    BIGINT      PRIMARY KEY REFERENCES risk_alert (id),
    decision_id BIGINT      NOT NULL REFERENCES decision (id),
    answered_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX risk_alert_answer_decision_idx ON risk_alert_answer (decision_id);

-- An answer comes from a decision on the alert's own case that reviews or escalates the risk.
CREATE FUNCTION risk_alert_answer_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM decision d JOIN risk_alert a ON a.case_id = d.case_id
                   WHERE d.id = NEW.decision_id AND a.id = NEW.alert_id
                   AND d.decision_type IN ('ESCALATE_RISK', 'RISK_REVIEWED')) THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            CONSTRAINT = 'risk_alert_answer_by_risk_decision',
            MESSAGE = 'A risk alert is answered by a decision that reviews or escalates the risk on the same case';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER risk_alert_answer_check BEFORE INSERT ON risk_alert_answer
    FOR EACH ROW EXECUTE FUNCTION risk_alert_answer_check();

CREATE TRIGGER risk_alert_append_only BEFORE UPDATE OR DELETE ON risk_alert
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER risk_alert_no_truncate BEFORE TRUNCATE ON risk_alert
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER risk_alert_answer_append_only BEFORE UPDATE OR DELETE ON risk_alert_answer
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER risk_alert_answer_no_truncate BEFORE TRUNCATE ON risk_alert_answer
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();

ALTER TABLE decision DROP CONSTRAINT decision_type_known;
ALTER TABLE decision ADD CONSTRAINT decision_type_known CHECK (decision_type IN ('CONTINUE', 'CHANGE_APPROACH',
    'REFER_TO_COLLEAGUE', 'REFER_EXTERNALLY', 'CHANGE_FREQUENCY', 'ADD_ASSESSMENT', 'PLANNED_ENDING', 'ESCALATE_RISK',
    'RISK_REVIEWED'));
ALTER TABLE decision DROP CONSTRAINT decision_status_known;
ALTER TABLE decision ADD CONSTRAINT decision_status_known CHECK (status_at_decision IN ('INSUFFICIENT_DATA', 'ON_TRACK',
    'WATCH', 'STALLED', 'DETERIORATING', 'RISK'));

ALTER TABLE case_progress_snapshot DROP CONSTRAINT case_progress_snapshot_status_known;
ALTER TABLE case_progress_snapshot ADD CONSTRAINT case_progress_snapshot_status_known CHECK (status IN ('INSUFFICIENT_DATA',
    'ON_TRACK', 'WATCH', 'STALLED', 'DETERIORATING', 'RISK'));
ALTER TABLE case_assessment DROP CONSTRAINT case_assessment_status_known;
ALTER TABLE case_assessment ADD CONSTRAINT case_assessment_status_known CHECK (status IN ('INSUFFICIENT_DATA',
    'ON_TRACK', 'WATCH', 'STALLED', 'DETERIORATING', 'RISK'));

ALTER TABLE case_progress_signal DROP CONSTRAINT case_progress_signal_rule_known;
ALTER TABLE case_progress_signal ADD CONSTRAINT case_progress_signal_rule_known CHECK (rule IN ('RISK_ITEM',
    'RELIABLE_DETERIORATION', 'NO_RELIABLE_IMPROVEMENT', 'OFF_EXPECTED_TRAJECTORY', 'ALLIANCE_CONCERN', 'LOW_ATTENDANCE',
    'HOMEWORK_NOT_DONE', 'DRIFT', 'MEASURE_NOT_TAKEN', 'THERAPIST_RETICENCE', 'THERAPIST_READINESS'));
ALTER TABLE case_progress_signal DROP CONSTRAINT case_progress_signal_reason_known;
ALTER TABLE case_progress_signal ADD CONSTRAINT case_progress_signal_reason_known CHECK (reason IN ('ALLIANCE',
    'APPROACH_FIT', 'THERAPIST_RETICENCE', 'CLIENT_ENGAGEMENT', 'THERAPIST_READINESS', 'RISK'));
ALTER TABLE case_progress_signal DROP CONSTRAINT case_progress_signal_severity_known;
ALTER TABLE case_progress_signal ADD CONSTRAINT case_progress_signal_severity_known CHECK (severity IN ('WATCH',
    'STALLED', 'DETERIORATING', 'RISK'));

ALTER TABLE case_assessment_signal DROP CONSTRAINT case_assessment_signal_rule_known;
ALTER TABLE case_assessment_signal ADD CONSTRAINT case_assessment_signal_rule_known CHECK (rule IN ('RISK_ITEM',
    'RELIABLE_DETERIORATION', 'NO_RELIABLE_IMPROVEMENT', 'OFF_EXPECTED_TRAJECTORY', 'ALLIANCE_CONCERN', 'LOW_ATTENDANCE',
    'HOMEWORK_NOT_DONE', 'DRIFT', 'MEASURE_NOT_TAKEN', 'THERAPIST_RETICENCE', 'THERAPIST_READINESS'));
ALTER TABLE case_assessment_signal DROP CONSTRAINT case_assessment_signal_reason_known;
ALTER TABLE case_assessment_signal ADD CONSTRAINT case_assessment_signal_reason_known CHECK (reason IN ('ALLIANCE',
    'APPROACH_FIT', 'THERAPIST_RETICENCE', 'CLIENT_ENGAGEMENT', 'THERAPIST_READINESS', 'RISK'));
ALTER TABLE case_assessment_signal DROP CONSTRAINT case_assessment_signal_severity_known;
ALTER TABLE case_assessment_signal ADD CONSTRAINT case_assessment_signal_severity_known CHECK (severity IN ('WATCH',
    'STALLED', 'DETERIORATING', 'RISK'));

ALTER TABLE notification DROP CONSTRAINT notification_kind_known;
ALTER TABLE notification ADD CONSTRAINT notification_kind_known CHECK (kind IN ('REFERRAL_WAITING', 'CREDENTIAL_ENDING',
    'RISK_ALERT'));

ALTER TABLE agenda_item DROP CONSTRAINT agenda_item_why_known;
ALTER TABLE agenda_item ADD CONSTRAINT agenda_item_why_known
    CHECK (why IN ('RISK', 'DETERIORATING', 'STALLED', 'FOLLOW_UP_DUE', 'ADDED'));
