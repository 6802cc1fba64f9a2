/** Limits shared by the form, the server validator and the tests. */
export const NICKNAME_MAX = 30
export const MESSAGE_MAX = 2000
/** Base64url length of the encrypted payload: generous for 2,000 characters of message plus fields. */
export const CIPHERTEXT_MAX_CHARS = 24_000
export const MAX_RECIPIENTS = 20
export const SLOT_LOOKAHEAD_DAYS = 14
export const REQUEST_BODY_MAX_BYTES = 64 * 1024
/** The default of deployment.json retention.waitingDays: an open request is deleted this many days after its last activity. */
export const RETENTION_DAYS = 180
