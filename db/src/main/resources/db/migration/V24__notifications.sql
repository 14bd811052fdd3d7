-- In-app notifications: what needs a person, and the screen where it is dealt with. They carry no
-- clinical content (a client code at most). Each event notifies a person once, however often it is
-- produced, so that a job that runs again or a second node never repeats one.

CREATE TABLE notification (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id BIGINT          NOT NULL REFERENCES user_account (id),
    kind         VARCHAR(32)     NOT NULL,
    arguments    VARCHAR(120)[]  NOT NULL,
    link         VARCHAR(200)    NOT NULL,
    event_key    VARCHAR(120)    NOT NULL,
    created_at   TIMESTAMPTZ     NOT NULL,
    read_at      TIMESTAMPTZ,
    CONSTRAINT notification_once_per_event UNIQUE (recipient_id, event_key),
    CONSTRAINT notification_kind_known CHECK (kind IN ('REFERRAL_WAITING', 'CREDENTIAL_ENDING')),
    CONSTRAINT notification_link_in_app CHECK (link ~ '^[a-z][a-z0-9./_-]*$')
);

CREATE INDEX notification_recipient_idx ON notification (recipient_id, created_at DESC);
