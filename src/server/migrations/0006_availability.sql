-- Availability staff edit per window and mode (src/shared/schemas/availability.ts), stored as the
-- validated JSON of modeAvailabilitySchema. No row: deployment.json's values apply.
CREATE TABLE availability (
  window_id TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('phone', 'visit', 'video')),
  settings TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  PRIMARY KEY (window_id, mode)
);

-- Slots or whole days staff cancelled (illness, a closure): never generated again.
CREATE TABLE slot_cancellations (
  window_id TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('phone', 'visit', 'video')),
  day TEXT NOT NULL,
  start TEXT,
  reason TEXT NOT NULL CHECK (reason IN ('staffUnavailable', 'closure')),
  at TEXT NOT NULL,
  member_id TEXT
);
CREATE UNIQUE INDEX slot_cancellations_unique ON slot_cancellations (window_id, mode, day, COALESCE(start, ''));

-- A booked time staff took away: why (shown on /status), which time, and whether the person still
-- has to be told (shown on the case until a member says they did).
ALTER TABLE requests ADD COLUMN slot_notice_reason TEXT CHECK (slot_notice_reason IN ('staffUnavailable', 'closure', 'released'));
ALTER TABLE requests ADD COLUMN slot_notice_start TEXT;
ALTER TABLE requests ADD COLUMN tell_person INTEGER NOT NULL DEFAULT 0;
