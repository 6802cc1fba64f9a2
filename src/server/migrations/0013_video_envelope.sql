-- The video link is sealed in the staff browser with the person's reply key (issue: reach), so the
-- server keeps only ciphertext. Links stored in the clear before this are removed: staff attach them
-- again from the case page, where they are now sealed.
ALTER TABLE requests ADD COLUMN video_envelope TEXT;
UPDATE requests SET video_url = NULL;
