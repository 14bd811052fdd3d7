-- A case's reference in the practice's record system, so an import finds the case again.
-- Sessions carry their own external id since V3.

ALTER TABLE therapy_case ADD COLUMN external_ref VARCHAR(80);

ALTER TABLE therapy_case
    ADD CONSTRAINT therapy_case_external_ref_key UNIQUE (external_ref),
    ADD CONSTRAINT therapy_case_external_ref_format
        CHECK (external_ref IS NULL OR (external_ref = btrim(external_ref) AND external_ref <> ''));

ALTER TABLE therapy_session
    ADD CONSTRAINT therapy_session_external_id_format
        CHECK (external_id IS NULL OR (external_id = btrim(external_id) AND external_id <> ''));
