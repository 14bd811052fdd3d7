-- The append-only audit log of every clinical read and write and every refused access. Each row
-- carries a SHA-256 hash chained to the previous row, so an edit behind the application's back is
-- found by re-computing the chain.

CREATE TABLE audit_event (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sequence      BIGINT       NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    actor         VARCHAR(64)  NOT NULL,
    action        VARCHAR(64)  NOT NULL,
    case_id       BIGINT,
    subject       VARCHAR(120),
    outcome       VARCHAR(12)  NOT NULL,
    reason        VARCHAR(300),
    previous_hash CHAR(64)     NOT NULL,
    hash          CHAR(64)     NOT NULL,
    CONSTRAINT audit_event_sequence_key UNIQUE (sequence),
    CONSTRAINT audit_event_outcome_known CHECK (outcome IN ('ALLOWED', 'REFUSED', 'BREAK_GLASS')),
    CONSTRAINT audit_event_break_glass_has_reason CHECK (outcome <> 'BREAK_GLASS' OR btrim(coalesce(reason, '')) <> ''),
    CONSTRAINT audit_event_action_format CHECK (action ~ '^[a-z][a-z0-9.-]{1,63}$')
);

CREATE INDEX audit_event_case_idx ON audit_event (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX audit_event_actor_idx ON audit_event (actor, occurred_at);

CREATE FUNCTION audit_event_hash(previous_hash TEXT, sequence BIGINT, occurred_at TIMESTAMPTZ, actor TEXT, action TEXT,
                                 case_id BIGINT, subject TEXT, outcome TEXT, reason TEXT)
    RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\x1f', previous_hash, sequence::TEXT,
        to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor, action,
        coalesce(case_id::TEXT, ''), coalesce(subject, ''), outcome, coalesce(reason, '')), 'UTF8')), 'hex');
$$;

-- Chains each new row to the last one. The lock serialises writers so the chain has one order.
CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_row RECORD;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('audit_event_chain'));
    SELECT sequence, hash INTO last_row FROM audit_event ORDER BY sequence DESC LIMIT 1;
    NEW.sequence := coalesce(last_row.sequence, 0) + 1;
    NEW.previous_hash := coalesce(last_row.hash, repeat('0', 64));
    NEW.hash := audit_event_hash(NEW.previous_hash, NEW.sequence, NEW.occurred_at, NEW.actor, NEW.action, NEW.case_id,
                                 NEW.subject, NEW.outcome, NEW.reason);
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();
