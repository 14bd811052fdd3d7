-- E-mail: a person's address and whether they want the weekly digest, and an outbox of messages
-- to send. A message is queued in the transaction that produced its event, once per person and
-- event, and sent by the scheduled sender, which retries with a growing wait. Messages carry no
-- clinical content: a client code at most, and a link into the application.

CREATE TABLE account_email (
    user_id       BIGINT       PRIMARY KEY REFERENCES user_account (id),
    address       VARCHAR(254) NOT NULL,
    weekly_digest BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT account_email_address_format CHECK (address ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$')
);

CREATE TABLE email_outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id    BIGINT         NOT NULL REFERENCES user_account (id),
    kind            VARCHAR(32)    NOT NULL,
    arguments       VARCHAR(120)[] NOT NULL,
    link            VARCHAR(200)   NOT NULL,
    event_key       VARCHAR(120)   NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL,
    attempts        INT            NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ    NOT NULL,
    sent_at         TIMESTAMPTZ,
    last_error      VARCHAR(300),
    CONSTRAINT email_outbox_once_per_event UNIQUE (recipient_id, event_key),
    CONSTRAINT email_outbox_kind_known CHECK (kind IN ('REFERRAL_WAITING', 'CREDENTIAL_ENDING', 'RISK_ALERT',
        'WEEKLY_DIGEST')),
    CONSTRAINT email_outbox_link_in_app CHECK (link ~ '^[a-z0-9./_-]*$'),
    CONSTRAINT email_outbox_attempts_counted CHECK (attempts >= 0)
);

CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at) WHERE sent_at IS NULL;
