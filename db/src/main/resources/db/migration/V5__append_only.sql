-- One trigger function refuses changes to any table whose rows are a permanent record.

CREATE FUNCTION refuse_change_of_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING
        ERRCODE = '55000',
        MESSAGE = format('%s rows are a permanent record: they are never updated or deleted', TG_TABLE_NAME);
END;
$$;

CREATE TRIGGER reflective_note_version_append_only BEFORE UPDATE OR DELETE ON reflective_note_version
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
CREATE TRIGGER reflective_note_version_no_truncate BEFORE TRUNCATE ON reflective_note_version
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_record();
