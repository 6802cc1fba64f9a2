-- The contact log of a case (issue 10): each entry sealed to the window in a staff browser, like a
-- note. Its own table, not a new messages.kind: SQLite cannot alter a CHECK, and /status reads only
-- `messages`, so a contact can never reach the person. Deleted with its request.
CREATE TABLE case_contacts (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (request_id) ON DELETE CASCADE,
  sent_at TEXT NOT NULL,
  author_id TEXT,
  envelope TEXT NOT NULL
);
CREATE INDEX case_contacts_request ON case_contacts (request_id, sent_at);
