-- No query reads requests by delete_after: retention selects by case_status and updated_at /
-- status_at (requests_retention, migration 0011) and the API only reads the column of a row found
-- by lookup_id. The index was still written on every booking and every follow-up (which moves
-- delete_after), a B-tree update per write for nothing.
DROP INDEX IF EXISTS requests_delete_after;
