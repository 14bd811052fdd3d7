-- Review meetings with their agendas, the append-only decision log, and referrals between colleagues.

CREATE TABLE review_meeting (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    supervisor_id BIGINT NOT NULL REFERENCES user_account (id),
    meeting_date  DATE   NOT NULL,
    version       BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX review_meeting_supervisor_idx ON review_meeting (supervisor_id, meeting_date DESC);

CREATE TABLE meeting_attendee (
    meeting_id BIGINT NOT NULL REFERENCES review_meeting (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES user_account (id),
    CONSTRAINT meeting_attendee_pkey PRIMARY KEY (meeting_id, user_id)
);

CREATE TABLE decision (
    id                        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id                   BIGINT        NOT NULL REFERENCES therapy_case (id),
    meeting_id                BIGINT        REFERENCES review_meeting (id),
    decision_type             VARCHAR(24)   NOT NULL,
    approach_from             VARCHAR(80),
    approach_to               VARCHAR(80),
    colleague_id              BIGINT        REFERENCES user_account (id),
    detail                    VARCHAR(300),
    rationale                 VARCHAR(2000) NOT NULL,
    reasons                   VARCHAR(24)[] NOT NULL,
    owner_id                  BIGINT        NOT NULL REFERENCES user_account (id),
    follow_up_on              DATE          NOT NULL,
    decided_by                BIGINT        NOT NULL REFERENCES user_account (id),
    decided_at                TIMESTAMPTZ   NOT NULL,
    decided_on                DATE          NOT NULL,
    status_at_decision        VARCHAR(20)   NOT NULL,
    primary_score_at_decision NUMERIC(6, 2),
    supersedes                BIGINT        REFERENCES decision (id),
    CONSTRAINT decision_type_known CHECK (decision_type IN ('CONTINUE', 'CHANGE_APPROACH', 'REFER_TO_COLLEAGUE',
        'REFER_EXTERNALLY', 'CHANGE_FREQUENCY', 'ADD_ASSESSMENT', 'PLANNED_ENDING', 'ESCALATE_RISK')),
    CONSTRAINT decision_change_approach_complete CHECK (decision_type <> 'CHANGE_APPROACH'
        OR (approach_from IS NOT NULL AND approach_to IS NOT NULL AND lower(approach_from) <> lower(approach_to))),
    CONSTRAINT decision_referral_names_colleague CHECK ((decision_type = 'REFER_TO_COLLEAGUE') = (colleague_id IS NOT NULL)),
    CONSTRAINT decision_detail_where_needed CHECK (decision_type NOT IN ('REFER_EXTERNALLY', 'CHANGE_FREQUENCY',
        'ADD_ASSESSMENT', 'ESCALATE_RISK') OR btrim(coalesce(detail, '')) <> ''),
    CONSTRAINT decision_rationale_not_blank CHECK (btrim(rationale) <> ''),
    CONSTRAINT decision_has_reasons CHECK (cardinality(reasons) >= 1 AND reasons <@ ARRAY['ALLIANCE', 'APPROACH_FIT',
        'THERAPIST_RETICENCE', 'CLIENT_ENGAGEMENT', 'THERAPIST_READINESS']::VARCHAR(24)[]),
    CONSTRAINT decision_follow_up_after_decision CHECK (follow_up_on > decided_on
        AND follow_up_on <= decided_on + INTERVAL '1 year'),
    CONSTRAINT decision_status_known CHECK (status_at_decision IN ('INSUFFICIENT_DATA', 'ON_TRACK', 'WATCH', 'STALLED',
        'DETERIORATING')),
    CONSTRAINT decision_supersedes_other CHECK (supersedes IS NULL OR supersedes <> id)
);

CREATE INDEX decision_case_idx ON decision (case_id, decided_at);
CREATE INDEX decision_follow_up_idx ON decision (follow_up_on);

CREATE TRIGGER decision_append_only BEFORE UPDATE OR DELETE ON decision
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER decision_no_truncate BEFORE TRUNCATE ON decision
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();

CREATE TABLE agenda_item (
    meeting_id   BIGINT      NOT NULL REFERENCES review_meeting (id) ON DELETE CASCADE,
    position     INT         NOT NULL,
    case_id      BIGINT      NOT NULL REFERENCES therapy_case (id),
    why          VARCHAR(16) NOT NULL,
    follow_up_of BIGINT      REFERENCES decision (id),
    CONSTRAINT agenda_item_pkey PRIMARY KEY (meeting_id, position),
    CONSTRAINT agenda_item_case_once UNIQUE (meeting_id, case_id),
    CONSTRAINT agenda_item_why_known CHECK (why IN ('DETERIORATING', 'STALLED', 'FOLLOW_UP_DUE')),
    CONSTRAINT agenda_item_follow_up_names_decision CHECK ((why = 'FOLLOW_UP_DUE') = (follow_up_of IS NOT NULL))
);

CREATE TABLE referral (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    decision_id    BIGINT       NOT NULL REFERENCES decision (id),
    case_id        BIGINT       NOT NULL REFERENCES therapy_case (id),
    from_therapist BIGINT       NOT NULL REFERENCES user_account (id),
    to_therapist   BIGINT       NOT NULL REFERENCES user_account (id),
    state          VARCHAR(10)  NOT NULL,
    answered_at    TIMESTAMPTZ,
    decline_reason VARCHAR(300),
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT referral_decision_key UNIQUE (decision_id),
    CONSTRAINT referral_other_therapist CHECK (from_therapist <> to_therapist),
    CONSTRAINT referral_state_known CHECK (state IN ('PROPOSED', 'ACCEPTED', 'DECLINED')),
    CONSTRAINT referral_answered_when_not_proposed CHECK ((state = 'PROPOSED') = (answered_at IS NULL)),
    CONSTRAINT referral_decline_says_why CHECK (state <> 'DECLINED' OR btrim(coalesce(decline_reason, '')) <> '')
);

CREATE INDEX referral_to_idx ON referral (to_therapist) WHERE state = 'PROPOSED';
