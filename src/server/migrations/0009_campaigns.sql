-- QR flyer campaigns (DESIGN §8, reach): /q/<code> leads to `target_path` in `language`. A retired
-- code still resolves, to the home page, and is no longer counted. Counts stay in `metrics`
-- (campaign, event, day, count): no request id, no IP, no user agent, no time finer than a day.
CREATE TABLE campaigns (
  code TEXT PRIMARY KEY,
  window_id TEXT NOT NULL,
  target_path TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('ja', 'ja-easy', 'en')),
  label TEXT NOT NULL,
  created_on TEXT NOT NULL,
  retired_at TEXT
);
CREATE INDEX campaigns_window ON campaigns (window_id);
