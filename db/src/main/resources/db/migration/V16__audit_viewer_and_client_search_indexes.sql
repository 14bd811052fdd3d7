-- The admin's audit viewer filters by action and by date, newest first; the header's search finds
-- cases by the start of a client code, whatever its case.

CREATE INDEX audit_event_action_idx ON audit_event (action, sequence);
CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at);
CREATE INDEX client_code_lower_idx ON client (lower(code) text_pattern_ops);
