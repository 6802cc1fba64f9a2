-- A staff key's certificate (JSON, staffCertificateSchema), signed by the window's certification key.
-- The public form checks it against the key pinned in the built app; the column alone adds no reader.
ALTER TABLE window_keys ADD COLUMN certificate TEXT;
