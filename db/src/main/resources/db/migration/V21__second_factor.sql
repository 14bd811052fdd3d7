-- Time-based one-time passwords (RFC 6238) as a second factor for every account with a clinical or
-- admin role: its secret, the last time step a code was taken for (so a code works once), and
-- single-use recovery codes kept as hashes. An exempt account (the demo practice's) signs in with
-- its password alone. Resetting someone's second factor is an account change a second person approves.

CREATE TABLE second_factor (
    account_id      BIGINT       PRIMARY KEY REFERENCES user_account (id),
    secret          VARCHAR(64)  NOT NULL,
    enrolled_at     TIMESTAMPTZ  NOT NULL,
    last_used_step  BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT second_factor_secret_base32 CHECK (secret ~ '^[A-Z2-7]{32,64}$'),
    CONSTRAINT second_factor_step_not_negative CHECK (last_used_step >= 0)
);

CREATE TABLE recovery_code (
    account_id  BIGINT       NOT NULL REFERENCES user_account (id),
    code_hash   CHAR(64)     NOT NULL,
    used_at     TIMESTAMPTZ,
    CONSTRAINT recovery_code_pkey PRIMARY KEY (account_id, code_hash),
    CONSTRAINT recovery_code_hash_format CHECK (code_hash ~ '^[0-9a-f]{64}$')
);

CREATE TABLE second_factor_exemption (
    account_id  BIGINT       PRIMARY KEY REFERENCES user_account (id),
    reason      VARCHAR(200) NOT NULL,
    CONSTRAINT second_factor_exemption_reason_not_blank CHECK (btrim(reason) <> '')
);

ALTER TABLE account_change_request DROP CONSTRAINT account_change_request_kind_known;
ALTER TABLE account_change_request ADD CONSTRAINT account_change_request_kind_known
    CHECK (kind IN ('NEW_ACCOUNT', 'ROLE_GRANT', 'SUPERVISION_PAIR', 'PASSWORD_RESET', 'SECOND_FACTOR_RESET'));
ALTER TABLE account_change_request DROP CONSTRAINT account_change_request_names_what;
ALTER TABLE account_change_request ADD CONSTRAINT account_change_request_names_what CHECK (CASE kind
    WHEN 'NEW_ACCOUNT' THEN account_id IS NULL AND supervisor_id IS NULL AND username IS NOT NULL
                            AND display_name IS NOT NULL AND roles IS NOT NULL
    WHEN 'ROLE_GRANT' THEN account_id IS NOT NULL AND supervisor_id IS NULL AND roles IS NOT NULL
    WHEN 'SUPERVISION_PAIR' THEN account_id IS NOT NULL AND supervisor_id IS NOT NULL AND supervisor_id <> account_id
    WHEN 'PASSWORD_RESET' THEN account_id IS NOT NULL AND supervisor_id IS NULL
    WHEN 'SECOND_FACTOR_RESET' THEN account_id IS NOT NULL AND supervisor_id IS NULL
    END);
