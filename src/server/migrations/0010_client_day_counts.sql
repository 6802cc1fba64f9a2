-- Per-client daily counts on Workers (slot bookings per day): the key is a salted hash of the
-- day and the client's address (/64 for IPv6), never the address; rows of past days are deleted daily.
CREATE TABLE client_day_counts (
  key TEXT PRIMARY KEY,
  day TEXT NOT NULL,
  count INTEGER NOT NULL
);
CREATE INDEX client_day_counts_day ON client_day_counts (day);
