/** Limits shared by the form, the server validator and the tests. */
export const NICKNAME_MAX = 30
export const MESSAGE_MAX = 2000
/** Base64url length of the encrypted payload: generous for 2,000 characters of message plus fields. */
export const CIPHERTEXT_MAX_CHARS = 24_000
export const MAX_RECIPIENTS = 20
export const SLOT_LOOKAHEAD_DAYS = 14
export const REQUEST_BODY_MAX_BYTES = 64 * 1024
/**
 * Re-seal and hand-over carry new key wraps for every envelope of a case (up to 400 envelopes of up
 * to 20 wraps of about 210 bytes): a long case is far over 64 KiB, and refusing it would strand the
 * case with a colleague who is leaving. Only these two staff routes get it, and only after sign-in.
 */
export const CASE_WRAPS_BODY_MAX_BYTES = 2 * 1024 * 1024
/** The default of deployment.json retention.waitingDays: an open request is deleted this many days after its last activity. */
export const RETENTION_DAYS = 180
/** Follow-ups one request can carry from the person (the server answers errors.threadFull after). */
export const FOLLOW_UPS_PER_REQUEST = 30
