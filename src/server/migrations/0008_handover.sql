-- Hand-over with consent and re-seal (issue 10). The person's consent to being passed on is a case
-- field sealed to the window in a staff browser, like a note: its own table, so /status never reads
-- it. A hand-over moves requests.window_id; this table keeps which windows a case came through, so
-- staff browsers can check the window each older envelope is bound to. Routing fields only.
CREATE TABLE case_consents (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (request_id) ON DELETE CASCADE,
  sent_at TEXT NOT NULL,
  author_id TEXT,
  envelope TEXT NOT NULL
);
CREATE INDEX case_consents_request ON case_consents (request_id, sent_at);

CREATE TABLE case_handovers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id TEXT NOT NULL REFERENCES requests (request_id) ON DELETE CASCADE,
  -- NOT NULL is also the guard of a hand-over: the route computes it from the case as it read it, so
  -- a case changed in between makes the insert, and the whole batch with it, fail.
  from_window_id TEXT NOT NULL,
  to_window_id TEXT NOT NULL,
  at TEXT NOT NULL,
  member_id TEXT
);
CREATE INDEX case_handovers_request ON case_handovers (request_id);
