-- Proof-of-work challenges already used for a booking (single use): the challenge's HMAC signature
-- until the challenge expires; expired rows are deleted with the daily upkeep.
CREATE TABLE used_challenges (
  signature TEXT PRIMARY KEY,
  expires_at TEXT NOT NULL
);
CREATE INDEX used_challenges_expires ON used_challenges (expires_at);
