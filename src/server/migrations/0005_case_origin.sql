-- How a case reached the window (src/shared/schemas/contact-log.ts caseOrigins): the online form, or
-- a case staff opened for a phone call, letter, walk-in or outreach. A routing field, not content.
ALTER TABLE requests ADD COLUMN origin TEXT NOT NULL DEFAULT 'online'
  CHECK (origin IN ('online', 'phone', 'letter', 'walk-in', 'outreach'));
