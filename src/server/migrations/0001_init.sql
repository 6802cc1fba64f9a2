-- One SQLite dialect for both runtimes: applied by src/server/store/migrate.ts on Node and by
-- `wrangler d1 migrations apply` on Cloudflare D1. Nothing personal is stored in clear: the
-- request and its follow-ups exist here only as ciphertext envelopes (DESIGN §4).

CREATE TABLE window_keys (
  key_id TEXT PRIMARY KEY,
  window_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('staff', 'recovery')),
  public_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX window_keys_window ON window_keys (window_id) WHERE revoked_at IS NULL;

CREATE TABLE slots (
  id TEXT PRIMARY KEY,
  window_id TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('phone', 'visit', 'video')),
  start TEXT NOT NULL,
  "end" TEXT NOT NULL,
  booked_request_id TEXT
);
CREATE UNIQUE INDEX slots_unique_time ON slots (window_id, mode, start);
-- A request can hold at most one slot and a slot at most one request: the conditional UPDATE
-- (… WHERE booked_request_id IS NULL) and this index make double booking impossible.
CREATE UNIQUE INDEX slots_booked_by ON slots (booked_request_id) WHERE booked_request_id IS NOT NULL;
CREATE INDEX slots_open ON slots (window_id, mode, start) WHERE booked_request_id IS NULL;

CREATE TABLE requests (
  request_id TEXT PRIMARY KEY,
  window_id TEXT NOT NULL,
  mode TEXT NOT NULL,
  slot_id TEXT,
  lookup_id TEXT NOT NULL UNIQUE,
  auth_hash TEXT NOT NULL,
  envelope TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('waiting', 'booked', 'replied', 'done', 'cancelled')),
  video_url TEXT,
  body_hash TEXT NOT NULL,
  first_response TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  delete_after TEXT NOT NULL
);
CREATE INDEX requests_window ON requests (window_id, created_at);
CREATE INDEX requests_delete_after ON requests (delete_after);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (request_id) ON DELETE CASCADE,
  "from" TEXT NOT NULL CHECK ("from" IN ('staff', 'person')),
  sent_at TEXT NOT NULL,
  envelope TEXT NOT NULL
);
CREATE INDEX messages_request ON messages (request_id, sent_at);

-- Anonymous counters only: no request id, no IP, no time finer than a day.
CREATE TABLE metrics (
  campaign TEXT NOT NULL,
  event TEXT NOT NULL,
  day TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign, event, day)
);
