-- A decision's follow-up is reviewed once it is answered by a later decision on the case, or marked
-- reviewed with no change; either way it stops being due. Reviews are a permanent record like the
-- decisions. A referral declined after a review opens the follow-up again, so a decision may be
-- reviewed more than once, but never twice without a decline between. Risk becomes a reason a
-- decision can answer.

ALTER TABLE decision DROP CONSTRAINT decision_has_reasons;
ALTER TABLE decision ADD CONSTRAINT decision_has_reasons CHECK (cardinality(reasons) >= 1 AND reasons <@ ARRAY['ALLIANCE',
    'APPROACH_FIT', 'THERAPIST_RETICENCE', 'CLIENT_ENGAGEMENT', 'THERAPIST_READINESS', 'RISK']::VARCHAR(24)[]);

CREATE TABLE follow_up_review (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    decision_id BIGINT       NOT NULL REFERENCES decision (id),
    answered_by BIGINT       REFERENCES decision (id),
    reviewed_by BIGINT       NOT NULL REFERENCES user_account (id),
    reviewed_at TIMESTAMPTZ  NOT NULL,
    reviewed_on DATE         NOT NULL,
    note        VARCHAR(300),
    CONSTRAINT follow_up_review_by_another_decision CHECK (answered_by IS NULL OR answered_by <> decision_id),
    CONSTRAINT follow_up_review_note_when_no_change CHECK (answered_by IS NULL OR note IS NULL),
    CONSTRAINT follow_up_review_note_not_blank CHECK (note IS NULL OR btrim(note) <> '')
);

CREATE INDEX follow_up_review_decision_idx ON follow_up_review (decision_id, reviewed_at DESC);
CREATE INDEX follow_up_review_answered_by_idx ON follow_up_review (answered_by) WHERE answered_by IS NOT NULL;

CREATE FUNCTION follow_up_review_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    reviewed decision%ROWTYPE;
    answering decision%ROWTYPE;
    reopened TIMESTAMPTZ;
BEGIN
    -- Locked, so that two reviews of one follow-up at the same moment are told apart.
    SELECT * INTO reviewed FROM decision WHERE id = NEW.decision_id FOR UPDATE;
    IF NEW.answered_by IS NOT NULL THEN
        SELECT * INTO answering FROM decision WHERE id = NEW.answered_by;
        IF answering.case_id <> reviewed.case_id OR answering.decided_at < reviewed.decided_at THEN
            RAISE EXCEPTION USING
                ERRCODE = '23514',
                CONSTRAINT = 'follow_up_review_answered_on_same_case',
                MESSAGE = 'A follow-up is answered by a later decision on the same case';
        END IF;
    END IF;
    SELECT max(answered_at) INTO reopened FROM referral WHERE decision_id = NEW.decision_id AND state = 'DECLINED';
    IF EXISTS (SELECT 1 FROM follow_up_review r WHERE r.decision_id = NEW.decision_id
               AND (reopened IS NULL OR r.reviewed_at >= reopened)) THEN
        RAISE EXCEPTION USING
            ERRCODE = '23505',
            CONSTRAINT = 'follow_up_review_once',
            MESSAGE = 'This follow-up is already reviewed';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER follow_up_review_check BEFORE INSERT ON follow_up_review
    FOR EACH ROW EXECUTE FUNCTION follow_up_review_check();
CREATE TRIGGER follow_up_review_append_only BEFORE UPDATE OR DELETE ON follow_up_review
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER follow_up_review_no_truncate BEFORE TRUNCATE ON follow_up_review
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();
