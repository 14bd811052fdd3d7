-- Clients (pseudonymous codes only), cases with their transfers, sessions and their scores.

CREATE TABLE client (
    id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code VARCHAR(32) NOT NULL,
    CONSTRAINT client_code_key UNIQUE (code),
    CONSTRAINT client_code_format CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{1,31}$')
);

CREATE TABLE therapy_case (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id          BIGINT       NOT NULL REFERENCES client (id),
    presenting_problem VARCHAR(200) NOT NULL,
    approach           VARCHAR(80)  NOT NULL,
    primary_measure    VARCHAR(20)  NOT NULL REFERENCES measure (code),
    alliance_measure   VARCHAR(20)  REFERENCES measure (code),
    opened_on          DATE         NOT NULL,
    closed_on          DATE,
    therapist_id       BIGINT       NOT NULL REFERENCES user_account (id),
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT therapy_case_problem_not_blank CHECK (btrim(presenting_problem) <> ''),
    CONSTRAINT therapy_case_approach_length CHECK (length(btrim(approach)) BETWEEN 2 AND 80),
    CONSTRAINT therapy_case_closed_after_opened CHECK (closed_on IS NULL OR closed_on >= opened_on)
);

CREATE INDEX therapy_case_therapist_idx ON therapy_case (therapist_id) WHERE closed_on IS NULL;
CREATE INDEX therapy_case_client_idx ON therapy_case (client_id);

CREATE TABLE case_transfer (
    case_id        BIGINT       NOT NULL REFERENCES therapy_case (id),
    position       INT          NOT NULL,
    from_therapist BIGINT       NOT NULL REFERENCES user_account (id),
    to_therapist   BIGINT       NOT NULL REFERENCES user_account (id),
    transferred_on DATE         NOT NULL,
    reason         VARCHAR(300) NOT NULL,
    CONSTRAINT case_transfer_pkey PRIMARY KEY (case_id, position),
    CONSTRAINT case_transfer_other_therapist CHECK (from_therapist <> to_therapist),
    CONSTRAINT case_transfer_reason_not_blank CHECK (btrim(reason) <> '')
);

CREATE TABLE therapy_session (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id      BIGINT      NOT NULL REFERENCES therapy_case (id),
    session_date DATE        NOT NULL,
    attendance   VARCHAR(12) NOT NULL,
    homework     VARCHAR(8)  NOT NULL DEFAULT 'NOT_SET',
    external_id  VARCHAR(80),
    version      BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT therapy_session_attendance_known CHECK (attendance IN ('ATTENDED', 'CANCELLED', 'NO_SHOW')),
    CONSTRAINT therapy_session_homework_known CHECK (homework IN ('NOT_SET', 'YES', 'PARTLY', 'NO')),
    CONSTRAINT therapy_session_homework_only_when_attended CHECK (attendance = 'ATTENDED' OR homework = 'NOT_SET'),
    CONSTRAINT therapy_session_external_id_key UNIQUE (external_id)
);

CREATE INDEX therapy_session_case_idx ON therapy_session (case_id, session_date);

CREATE TABLE session_score (
    session_id   BIGINT        NOT NULL REFERENCES therapy_session (id) ON DELETE CASCADE,
    measure_code VARCHAR(20)   NOT NULL REFERENCES measure (code),
    score        NUMERIC(6, 2) NOT NULL,
    CONSTRAINT session_score_pkey PRIMARY KEY (session_id, measure_code)
);

-- A score lies within its measure's range and precision, and only attended sessions are scored,
-- whatever path the row comes by.
CREATE FUNCTION session_score_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    m measure%ROWTYPE;
    attended TEXT;
BEGIN
    SELECT * INTO m FROM measure WHERE code = NEW.measure_code;
    IF NEW.score < m.min_score OR NEW.score > m.max_score OR NEW.score <> round(NEW.score, m.decimals) THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            CONSTRAINT = 'session_score_in_range',
            MESSAGE = format('%s scores are %s–%s with %s decimals; got %s',
                             m.code, m.min_score::float8, m.max_score::float8, m.decimals, NEW.score::float8);
    END IF;
    SELECT attendance INTO attended FROM therapy_session WHERE id = NEW.session_id;
    IF attended <> 'ATTENDED' THEN
        RAISE EXCEPTION USING
            ERRCODE = '23514',
            CONSTRAINT = 'session_score_only_when_attended',
            MESSAGE = 'Only an attended session has scores';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER session_score_check BEFORE INSERT OR UPDATE ON session_score
    FOR EACH ROW EXECUTE FUNCTION session_score_check();
