/** Limits shared by the form, the server validator and the tests. */
export const NICKNAME_MAX = 30
export const MESSAGE_MAX = 2000
/** Base64url length of the encrypted payload: generous for 2,000 characters of message plus fields. */
export const CIPHERTEXT_MAX_CHARS = 24_000
export const MAX_RECIPIENTS = 20
export const SLOT_LOOKAHEAD_DAYS = 14
export const REQUEST_BODY_MAX_BYTES = 64 * 1024
/** Requests and messages are deleted this many days after the last activity (told to the person). */
export const RETENTION_DAYS = 180
