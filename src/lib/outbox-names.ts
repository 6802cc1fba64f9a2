/** Quick exit keeps this database (see KEEP_ON_EXIT in src/main.tsx): it holds ciphertext only. */
export const OUTBOX_DB_NAME = 'tsunagu-outbox'
/** Plaintext drafts, only when the person opted in; quick exit deletes this database. */
export const DRAFTS_DB_NAME = 'tsunagu-drafts'
/** The Background Sync tag the service worker answers by sending the outbox. */
export const OUTBOX_SYNC_TAG = 'tsunagu-outbox'
