-- A review meeting has a time and a place (a room or a video link) and at least one attendee
-- besides its supervisor; its walk-through keeps its place across reloads, and a supervisor can
-- add a case to the agenda by hand.

ALTER TABLE review_meeting
    ADD COLUMN starts_at     TIME,
    ADD COLUMN place         VARCHAR(300),
    ADD COLUMN walk_position INT;

UPDATE review_meeting SET starts_at = '09:00', place = 'Supervision room';

ALTER TABLE review_meeting
    ALTER COLUMN starts_at SET NOT NULL,
    ALTER COLUMN place SET NOT NULL,
    ADD CONSTRAINT review_meeting_place_given CHECK (btrim(place) <> ''),
    ADD CONSTRAINT review_meeting_walk_position_known CHECK (walk_position >= 0);

ALTER TABLE agenda_item DROP CONSTRAINT agenda_item_why_known;
ALTER TABLE agenda_item ADD CONSTRAINT agenda_item_why_known
    CHECK (why IN ('DETERIORATING', 'STALLED', 'FOLLOW_UP_DUE', 'ADDED'));

-- Checked when the transaction commits, because a meeting's attendees are written after it.
CREATE FUNCTION refuse_meeting_without_attendee() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    checked BIGINT;
BEGIN
    IF TG_TABLE_NAME = 'review_meeting' THEN
        checked := NEW.id;
    ELSE
        checked := OLD.meeting_id;
    END IF;
    IF EXISTS (SELECT 1 FROM review_meeting m WHERE m.id = checked)
       AND NOT EXISTS (SELECT 1 FROM review_meeting m JOIN meeting_attendee a ON a.meeting_id = m.id
                       WHERE m.id = checked AND a.user_id <> m.supervisor_id) THEN
        RAISE EXCEPTION 'A review meeting has at least one attendee besides its supervisor'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'review_meeting_has_attendee';
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER review_meeting_has_attendee AFTER INSERT OR UPDATE ON review_meeting
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_meeting_without_attendee();
CREATE CONSTRAINT TRIGGER meeting_attendee_leaves_one AFTER DELETE ON meeting_attendee
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_meeting_without_attendee();
