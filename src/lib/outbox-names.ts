/** Quick exit keeps only its undelivered envelopes (see src/features/quick-exit/wipe-plan.ts): ciphertext only. */
export const OUTBOX_DB_NAME = 'tsunagu-outbox'
/** Plaintext drafts, only when the person opted in; quick exit deletes this database. */
export const DRAFTS_DB_NAME = 'tsunagu-drafts'
/** The Background Sync tag the service worker answers by sending the outbox. */
export const OUTBOX_SYNC_TAG = 'tsunagu-outbox'
/** The outbox's one table (Dexie: `envelopes`). */
export const OUTBOX_STORE = 'envelopes'

/**
 * An envelope that has not reached the server yet (waiting, or bounced and waiting to be fixed):
 * the one thing quick exit keeps, since deleting it would silently lose a request.
 */
export function isUndeliveredEnvelope(record: unknown): boolean {
  const entry = record as { state?: unknown; body?: unknown } | null
  return !!entry && entry.state !== 'delivered' && typeof entry.body === 'object' && entry.body !== null
}
