-- A change that opens clinical records to someone needs a second person: a new account with a
-- therapist or supervisor role, such a role given to an existing account, a new supervision pair,
-- and a new password for a clinician. The admin asks; another admin or the practice manager
-- approves or rejects; the person who asked may withdraw. Nobody approves their own request, nor a
-- change that opens records to themselves.

ALTER TABLE user_account ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE account_change_request (
    id              BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            VARCHAR(20)  NOT NULL,
    account_id      BIGINT       REFERENCES user_account (id),
    supervisor_id   BIGINT       REFERENCES user_account (id),
    username        VARCHAR(64),
    display_name    VARCHAR(120),
    roles           VARCHAR(80),
    password_hash   VARCHAR(255),
    requested_by    BIGINT       NOT NULL REFERENCES user_account (id),
    requested_at    TIMESTAMPTZ  NOT NULL,
    status          VARCHAR(12)  NOT NULL DEFAULT 'PENDING',
    decided_by      BIGINT       REFERENCES user_account (id),
    decided_at      TIMESTAMPTZ,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT account_change_request_kind_known CHECK (kind IN ('NEW_ACCOUNT', 'ROLE_GRANT', 'SUPERVISION_PAIR', 'PASSWORD_RESET')),
    CONSTRAINT account_change_request_status_known CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    CONSTRAINT account_change_request_names_what CHECK (CASE kind
        WHEN 'NEW_ACCOUNT' THEN account_id IS NULL AND supervisor_id IS NULL AND username IS NOT NULL
                                AND display_name IS NOT NULL AND roles IS NOT NULL
        WHEN 'ROLE_GRANT' THEN account_id IS NOT NULL AND supervisor_id IS NULL AND roles IS NOT NULL
        WHEN 'SUPERVISION_PAIR' THEN account_id IS NOT NULL AND supervisor_id IS NOT NULL AND supervisor_id <> account_id
        WHEN 'PASSWORD_RESET' THEN account_id IS NOT NULL AND supervisor_id IS NULL
        END),
    CONSTRAINT account_change_request_password_while_pending CHECK (
        (password_hash IS NOT NULL) = (status = 'PENDING' AND kind IN ('NEW_ACCOUNT', 'PASSWORD_RESET'))),
    CONSTRAINT account_change_request_decided CHECK ((status = 'PENDING') = (decided_by IS NULL AND decided_at IS NULL)),
    CONSTRAINT account_change_request_second_person CHECK (status <> 'APPROVED' OR (decided_by <> requested_by
        AND decided_by IS DISTINCT FROM account_id AND decided_by IS DISTINCT FROM supervisor_id)),
    CONSTRAINT account_change_request_withdrawn_by_asker CHECK (status <> 'WITHDRAWN' OR decided_by = requested_by),
    CONSTRAINT account_change_request_decided_after_asked CHECK (decided_at IS NULL OR decided_at >= requested_at)
);

CREATE UNIQUE INDEX account_change_request_one_pending ON account_change_request
    (kind, coalesce(account_id, 0), coalesce(supervisor_id, 0), coalesce(username, '')) WHERE status = 'PENDING';
CREATE INDEX account_change_request_latest_idx ON account_change_request (status, requested_at DESC);

-- A decided request is a record: it never goes back to pending or changes its decision.
CREATE FUNCTION account_change_request_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status <> 'PENDING' THEN
        RAISE EXCEPTION USING
            ERRCODE = '55000',
            MESSAGE = 'A decided account change is a permanent record',
            CONSTRAINT = 'account_change_request_decided_once';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER account_change_request_decided_once BEFORE UPDATE ON account_change_request
    FOR EACH ROW EXECUTE FUNCTION account_change_request_decided_once();
CREATE TRIGGER account_change_request_no_delete BEFORE DELETE ON account_change_request
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER account_change_request_no_truncate BEFORE TRUNCATE ON account_change_request
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();
