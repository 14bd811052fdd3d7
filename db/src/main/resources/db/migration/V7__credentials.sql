-- Credentials, CPD and the practice's credential policy.

CREATE TABLE credential (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    therapist_id    BIGINT       NOT NULL REFERENCES user_account (id),
    credential_type VARCHAR(20)  NOT NULL,
    title           VARCHAR(160) NOT NULL,
    number          VARCHAR(80)  NOT NULL,
    issuing_body    VARCHAR(160) NOT NULL,
    jurisdiction    VARCHAR(120) NOT NULL,
    valid_from      DATE         NOT NULL,
    valid_to        DATE,
    verified_by     BIGINT       REFERENCES user_account (id),
    verified_at     TIMESTAMPTZ,
    evidence        VARCHAR(300),
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT credential_type_known CHECK (credential_type IN ('LICENCE', 'REGISTRATION', 'QUALIFICATION',
        'MODALITY_TRAINING', 'INSURANCE')),
    CONSTRAINT credential_title_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT credential_issuing_body_not_blank CHECK (btrim(issuing_body) <> ''),
    CONSTRAINT credential_expiring_types_end CHECK (credential_type NOT IN ('LICENCE', 'REGISTRATION', 'INSURANCE')
        OR valid_to IS NOT NULL),
    CONSTRAINT credential_ends_after_start CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CONSTRAINT credential_verification_complete CHECK ((verified_by IS NULL) = (verified_at IS NULL)
        AND (verified_by IS NULL) = (evidence IS NULL))
);

CREATE INDEX credential_therapist_idx ON credential (therapist_id, credential_type);

CREATE TABLE cpd_entry (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    therapist_id BIGINT        NOT NULL REFERENCES user_account (id),
    entry_date   DATE          NOT NULL,
    hours        NUMERIC(5, 2) NOT NULL,
    topic        VARCHAR(200)  NOT NULL,
    CONSTRAINT cpd_entry_hours_range CHECK (hours > 0 AND hours <= 100),
    CONSTRAINT cpd_entry_topic_not_blank CHECK (btrim(topic) <> '')
);

CREATE INDEX cpd_entry_therapist_idx ON cpd_entry (therapist_id, entry_date);

CREATE TABLE credential_policy (
    id                 SMALLINT      PRIMARY KEY DEFAULT 1,
    required_types     VARCHAR(20)[] NOT NULL,
    cpd_hours_per_year NUMERIC(5, 1) NOT NULL,
    warning_days       INT           NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT credential_policy_single_row CHECK (id = 1),
    CONSTRAINT credential_policy_licence_and_insurance CHECK (required_types @> ARRAY['LICENCE', 'INSURANCE']::VARCHAR(20)[]),
    CONSTRAINT credential_policy_types_known CHECK (required_types <@ ARRAY['LICENCE', 'REGISTRATION', 'QUALIFICATION',
        'MODALITY_TRAINING', 'INSURANCE']::VARCHAR(20)[]),
    CONSTRAINT credential_policy_cpd_range CHECK (cpd_hours_per_year BETWEEN 0 AND 500),
    CONSTRAINT credential_policy_window_range CHECK (warning_days BETWEEN 1 AND 365)
);

INSERT INTO credential_policy (required_types, cpd_hours_per_year, warning_days)
VALUES (ARRAY['LICENCE', 'REGISTRATION', 'INSURANCE'], 30, 60);
