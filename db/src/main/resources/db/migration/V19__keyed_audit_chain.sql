-- From here on each audit entry's hash is an HMAC the application computes with a key the
-- database never sees, so whoever can rewrite rows cannot recompute a matching chain. The database
-- still fixes the order: an entry is accepted only as the direct successor of the last one.
-- Entries written before this migration keep their unkeyed hash; a keyed entry may never be
-- followed by an unkeyed one.

ALTER TABLE audit_event ADD COLUMN keyed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_hash_format CHECK (hash ~ '^[0-9a-f]{64}$');

CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_row RECORD;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('audit_event_chain'));
    SELECT sequence, hash INTO last_row FROM audit_event ORDER BY sequence DESC LIMIT 1;
    IF NEW.sequence IS DISTINCT FROM coalesce(last_row.sequence, 0) + 1
       OR NEW.previous_hash IS DISTINCT FROM coalesce(last_row.hash, repeat('0', 64)) THEN
        RAISE EXCEPTION USING
            ERRCODE = '55000',
            MESSAGE = format('An audit entry must follow entry %s and carry its hash', coalesce(last_row.sequence, 0)),
            CONSTRAINT = 'audit_event_follows_last';
    END IF;
    NEW.keyed := TRUE;
    RETURN NEW;
END;
$$;

-- Every check of the chain, nightly or asked for by an admin: what it covered and where it broke.
CREATE TABLE audit_chain_check (
    id               BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    checked_at       TIMESTAMPTZ  NOT NULL,
    requested_by     VARCHAR(64),
    entries_checked  BIGINT       NOT NULL,
    head_sequence    BIGINT       NOT NULL,
    head_hash        CHAR(64),
    anchors_checked  INT          NOT NULL,
    outcome          VARCHAR(12)  NOT NULL,
    first_bad_entry  BIGINT,
    problem          VARCHAR(40),
    CONSTRAINT audit_chain_check_outcome_known CHECK (outcome IN ('INTACT', 'BROKEN')),
    CONSTRAINT audit_chain_check_break_named CHECK ((outcome = 'BROKEN') = (first_bad_entry IS NOT NULL AND problem IS NOT NULL)),
    CONSTRAINT audit_chain_check_counts CHECK (entries_checked >= 0 AND head_sequence >= 0 AND anchors_checked >= 0),
    CONSTRAINT audit_chain_check_problem_known CHECK (problem IS NULL OR problem IN
        ('HASH_MISMATCH', 'LINK_BROKEN', 'SEQUENCE_GAP', 'UNKEYED_AFTER_KEYED', 'EXPORTED_HEAD_DIFFERS', 'EXPORTED_HEAD_MISSING'))
);

CREATE INDEX audit_chain_check_latest_idx ON audit_chain_check (checked_at DESC);

CREATE TRIGGER audit_chain_check_append_only BEFORE UPDATE OR DELETE ON audit_chain_check
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER audit_chain_check_no_truncate BEFORE TRUNCATE ON audit_chain_check
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();
