-- People who sign in, their roles, and who supervises whom.

CREATE TABLE user_account (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT user_account_username_key UNIQUE (username),
    CONSTRAINT user_account_username_format CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
    CONSTRAINT user_account_display_name_not_blank CHECK (btrim(display_name) <> ''),
    CONSTRAINT user_account_password_hash_not_blank CHECK (btrim(password_hash) <> '')
);

CREATE TABLE user_role (
    user_id BIGINT      NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    role    VARCHAR(32) NOT NULL,
    CONSTRAINT user_role_pkey PRIMARY KEY (user_id, role),
    CONSTRAINT user_role_role_known CHECK (role IN ('THERAPIST', 'SUPERVISOR', 'PRACTICE_MANAGER', 'ADMIN'))
);

CREATE TABLE supervision_pair (
    supervisor_id BIGINT NOT NULL REFERENCES user_account (id),
    therapist_id  BIGINT NOT NULL REFERENCES user_account (id),
    CONSTRAINT supervision_pair_pkey PRIMARY KEY (supervisor_id, therapist_id),
    CONSTRAINT supervision_pair_not_self CHECK (supervisor_id <> therapist_id)
);

CREATE INDEX supervision_pair_therapist_idx ON supervision_pair (therapist_id);
