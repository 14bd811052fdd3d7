-- A case has at most one session a day, however the session arrives: the session form, or an
-- import from a record system. The unique index also serves look-ups of a case's sessions by date.

ALTER TABLE therapy_session ADD CONSTRAINT therapy_session_one_a_day UNIQUE (case_id, session_date);

DROP INDEX therapy_session_case_idx;
