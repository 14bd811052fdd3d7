-- A case's life: a case closes with a reason on a day no earlier than its last session; a wrongly
-- entered session is voided with a reason instead of deleted, and is then a permanent record; the
-- practice sets how far back a case may be opened.

ALTER TABLE therapy_case ADD COLUMN closing_reason VARCHAR(30);

-- Cases closed before a reason was recorded ended their course as planned by the therapist.
UPDATE therapy_case SET closing_reason = 'DISCHARGED' WHERE closed_on IS NOT NULL;

ALTER TABLE therapy_case
    ADD CONSTRAINT therapy_case_closing_reason_known CHECK (closing_reason IN ('DISCHARGED', 'PLANNED_ENDING_COMPLETED',
        'DROPPED_OUT', 'TRANSFERRED_OUT')),
    ADD CONSTRAINT therapy_case_closed_with_reason CHECK ((closed_on IS NULL) = (closing_reason IS NULL));

-- Closing a case is the last cause of a change in its assessment.
ALTER TABLE case_assessment
    DROP CONSTRAINT case_assessment_cause_known,
    ADD CONSTRAINT case_assessment_cause_known CHECK (cause IN ('CASE_OPENED', 'SESSION', 'NOTE', 'DECISION', 'REFERRAL',
        'CREDENTIAL', 'IMPORT', 'SETTINGS', 'NIGHTLY', 'HISTORY', 'CASE_CLOSED'));

ALTER TABLE therapy_session
    ADD COLUMN voided_at   TIMESTAMPTZ,
    ADD COLUMN voided_by   BIGINT REFERENCES user_account (id),
    ADD COLUMN void_reason VARCHAR(300);

ALTER TABLE therapy_session
    ADD CONSTRAINT therapy_session_void_complete CHECK ((voided_at IS NULL) = (voided_by IS NULL)
        AND (voided_at IS NULL) = (void_reason IS NULL)),
    ADD CONSTRAINT therapy_session_void_reason_not_blank CHECK (void_reason IS NULL OR btrim(void_reason) <> '');

-- A voided session no longer holds its day: the corrected one is recorded on the same date.
ALTER TABLE therapy_session DROP CONSTRAINT therapy_session_one_a_day;
CREATE UNIQUE INDEX therapy_session_one_a_day ON therapy_session (case_id, session_date) WHERE voided_at IS NULL;

-- A voided session, and its scores, stay as they were voided.
CREATE FUNCTION voided_session_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    session_id BIGINT;
BEGIN
    IF TG_TABLE_NAME = 'therapy_session' THEN
        session_id := OLD.id;
    ELSE
        session_id := OLD.session_id;
    END IF;
    IF EXISTS (SELECT 1 FROM therapy_session WHERE id = session_id AND voided_at IS NOT NULL) THEN
        RAISE EXCEPTION USING
            ERRCODE = '55000',
            MESSAGE = 'A voided session is kept as it was voided: it is never changed or deleted';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER therapy_session_voided_unchanged BEFORE UPDATE OR DELETE ON therapy_session
    FOR EACH ROW EXECUTE FUNCTION voided_session_unchanged();
CREATE TRIGGER session_score_voided_unchanged BEFORE UPDATE OR DELETE ON session_score
    FOR EACH ROW EXECUTE FUNCTION voided_session_unchanged();

-- A case closes no earlier than its last session that stands, and takes no session after it closed.
CREATE FUNCTION therapy_case_closing_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_session DATE;
BEGIN
    -- A day before the opening is left to therapy_case_closed_after_opened.
    IF NEW.closed_on IS NOT NULL AND NEW.closed_on >= NEW.opened_on THEN
        SELECT max(session_date) INTO last_session FROM therapy_session WHERE case_id = NEW.id AND voided_at IS NULL;
        IF last_session > NEW.closed_on THEN
            RAISE EXCEPTION USING
                ERRCODE = '23514',
                CONSTRAINT = 'therapy_case_closed_after_last_session',
                MESSAGE = format('The case''s last session was on %s; it cannot close before that', last_session);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER therapy_case_closing_check BEFORE UPDATE OF closed_on ON therapy_case
    FOR EACH ROW EXECUTE FUNCTION therapy_case_closing_check();

CREATE FUNCTION therapy_session_within_case() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    closed DATE;
BEGIN
    SELECT closed_on INTO closed FROM therapy_case WHERE id = NEW.case_id;
    IF NEW.voided_at IS NULL AND closed IS NOT NULL AND NEW.session_date > closed THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            CONSTRAINT = 'therapy_session_within_case',
            MESSAGE = format('The case closed on %s; a session cannot be later', closed);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER therapy_session_within_case BEFORE INSERT OR UPDATE OF session_date ON therapy_session
    FOR EACH ROW EXECUTE FUNCTION therapy_session_within_case();

-- How far back a new case may be opened, set by the practice.
CREATE TABLE case_opening_policy (
    id                   SMALLINT PRIMARY KEY DEFAULT 1,
    earliest_months_back INT      NOT NULL,
    version              BIGINT   NOT NULL DEFAULT 0,
    CONSTRAINT case_opening_policy_single_row CHECK (id = 1),
    CONSTRAINT case_opening_policy_months_range CHECK (earliest_months_back BETWEEN 1 AND 120)
);

INSERT INTO case_opening_policy (earliest_months_back) VALUES (24);
