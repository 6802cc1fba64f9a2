import { fromBase64url, toBase64url } from './base64url'
import { isValidReceiptCode, normalizeReceiptCode } from './receipt-code'

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; the bench checks it stays ≤ 1.5 s on a slow phone. */
export const PBKDF2_ITERATIONS = 600_000

const SALT_PREFIX = 'tsunagu/v1/receipt/'
const LABELS = {
  lookupId: 'tsunagu/v1/receipt/lookup-id',
  authKey: 'tsunagu/v1/receipt/auth-key',
  replyKey: 'tsunagu/v1/receipt/reply-key',
} as const

/** Everything the receipt code unlocks; each value is base64url of 32 bytes (43 characters). */
export interface ReceiptKeys {
  /** Sent with every call and indexed by the server. */
  lookupId: string
  /** Sent only to check, status, cancel or follow up; the server keeps only `authHash`. */
  authKey: string
  /** SHA-256 of `authKey`, sent once when the request is created. */
  authHash: string
  /** Never sent in the clear: it travels inside the encrypted payload so staff can reply. */
  replyKeyRaw: string
}

const encoder = new TextEncoder()

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
}

async function hkdf(master: CryptoKey, label: string): Promise<Uint8Array<ArrayBuffer>> {
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(label) },
    master,
    256,
  )
  return new Uint8Array(bits)
}

/**
 * Receipt code → lookup id, auth key (and its hash) and reply key (DESIGN §4). The code may be
 * typed with spaces or full-width digits; an invalid code throws, because deriving keys from a
 * typo would silently point at nothing.
 */
export async function deriveReceiptKeys(code: string, deploymentId: string, iterations = PBKDF2_ITERATIONS): Promise<ReceiptKeys> {
  const digits = normalizeReceiptCode(code)
  if (digits === null || !isValidReceiptCode(digits)) throw new TypeError('Invalid receipt code')
  if (!deploymentId) throw new TypeError('Missing deployment id')
  const password = await crypto.subtle.importKey('raw', encoder.encode(digits), 'PBKDF2', false, ['deriveBits'])
  const masterBits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(SALT_PREFIX + deploymentId), iterations },
    password,
    256,
  )
  const master = await crypto.subtle.importKey('raw', masterBits, 'HKDF', false, ['deriveBits'])
  const [lookupId, authKey, replyKey] = await Promise.all([
    hkdf(master, LABELS.lookupId),
    hkdf(master, LABELS.authKey),
    hkdf(master, LABELS.replyKey),
  ])
  return {
    lookupId: toBase64url(lookupId),
    authKey: toBase64url(authKey),
    authHash: toBase64url(await sha256(authKey)),
    replyKeyRaw: toBase64url(replyKey),
  }
}

/** Server side: the stored hash to compare against for a presented auth key. Throws on a malformed key. */
export async function hashAuthKey(authKey: string): Promise<string> {
  const bytes = fromBase64url(authKey)
  if (bytes.length !== 32) throw new TypeError('Invalid auth key')
  return toBase64url(await sha256(bytes))
}
