-- The staff side (DESIGN §8). Nothing here is content: people are a display name chosen at join,
-- passkeys are public keys, sessions and invites are stored only as SHA-256 of their random ids.

CREATE TABLE staff_members (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE staff_memberships (
  member_id TEXT NOT NULL REFERENCES staff_members (id),
  window_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
  joined_at TEXT NOT NULL,
  PRIMARY KEY (member_id, window_id)
);
CREATE INDEX staff_memberships_window ON staff_memberships (window_id);

CREATE TABLE staff_passkeys (
  credential_id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES staff_members (id),
  public_key TEXT NOT NULL,
  counter INTEGER NOT NULL,
  transports TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

-- A WebAuthn challenge is used once and lives five minutes.
CREATE TABLE staff_challenges (
  id TEXT PRIMARY KEY,
  challenge TEXT NOT NULL,
  purpose TEXT NOT NULL CHECK (purpose IN ('register', 'login')),
  invite_hash TEXT,
  expires_at TEXT NOT NULL
);

CREATE TABLE staff_sessions (
  id_hash TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES staff_members (id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX staff_sessions_member ON staff_sessions (member_id);

CREATE TABLE staff_invites (
  token_hash TEXT PRIMARY KEY,
  window_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  used_by TEXT
);

-- A staff key belongs to a member; it is a recipient only once certified and while not revoked.
ALTER TABLE window_keys ADD COLUMN member_id TEXT;

-- The case's status as staff keep it (src/shared/schemas/case-status.ts); /status shows publicStatusOf it.
ALTER TABLE requests ADD COLUMN case_status TEXT NOT NULL DEFAULT 'received'
  CHECK (case_status IN ('received', 'contacted', 'scheduled', 'ongoing', 'closed', 'cancelled'));

-- follow-ups (the person's), replies (staff, with the reply key) and notes (staff only, sealed to the window).
ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'followUp' CHECK (kind IN ('followUp', 'reply', 'note'));
ALTER TABLE messages ADD COLUMN author_id TEXT;
ALTER TABLE requests ADD COLUMN staff_read_at TEXT;

-- Who did what to which case and when; never content.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  member_id TEXT,
  window_id TEXT,
  action TEXT NOT NULL,
  request_id TEXT,
  target TEXT
);
CREATE INDEX audit_log_window ON audit_log (window_id, at);
