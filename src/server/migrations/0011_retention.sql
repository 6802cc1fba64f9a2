-- Retention (src/shared/schemas/retention.ts): a closed or cancelled case is deleted a set number of
-- days after it entered that status, so the time of the last status change is kept. Rows from before
-- this migration take their last activity as the best known value.
ALTER TABLE requests ADD COLUMN status_at TEXT;
UPDATE requests SET status_at = updated_at;
CREATE INDEX requests_retention ON requests (case_status, updated_at);
