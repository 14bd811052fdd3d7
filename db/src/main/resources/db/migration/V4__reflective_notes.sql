-- Reflective notes; every edit is a new version and no version is ever changed.

CREATE TABLE reflective_note (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id   BIGINT NOT NULL REFERENCES therapy_case (id),
    author_id BIGINT NOT NULL REFERENCES user_account (id)
);

CREATE INDEX reflective_note_case_idx ON reflective_note (case_id);

CREATE TABLE reflective_note_version (
    note_id              BIGINT        NOT NULL REFERENCES reflective_note (id),
    version_number       INT           NOT NULL,
    relationship         VARCHAR(4000),
    method_fit           VARCHAR(4000),
    my_reactions         VARCHAR(4000),
    client_collaboration VARCHAR(4000),
    what_i_need_to_learn VARCHAR(4000),
    hard_to_work_with    BOOLEAN       NOT NULL,
    written_at           TIMESTAMPTZ   NOT NULL,
    CONSTRAINT reflective_note_version_pkey PRIMARY KEY (note_id, version_number),
    CONSTRAINT reflective_note_version_positive CHECK (version_number >= 1),
    CONSTRAINT reflective_note_version_not_empty CHECK (hard_to_work_with OR coalesce(relationship, method_fit,
        my_reactions, client_collaboration, what_i_need_to_learn) IS NOT NULL)
);
