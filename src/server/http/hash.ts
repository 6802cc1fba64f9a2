import { fromBase64url, toBase64url } from '../../shared/crypto/base64url'

export { toBase64url }

const encoder = new TextEncoder()

export type Sha256 = (data: Uint8Array | string) => Promise<Uint8Array> | Uint8Array

/** WebCrypto SHA-256, available on every runtime. Node passes a faster synchronous one in AppDeps. */
export const sha256: Sha256 = async (data) => {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
}

/**
 * base64url(SHA-256(auth key bytes)), as `hashAuthKey` in src/shared/crypto/receipt-keys.ts makes it.
 * A key that is not canonical base64url is hashed as text instead of rejected: it can never match,
 * and the answer and the work stay the same as for any wrong key.
 */
export async function hashAuthKey(authKey: string, digest: Sha256 = sha256): Promise<string> {
  let bytes: Uint8Array
  try {
    bytes = fromBase64url(authKey)
  } catch {
    bytes = encoder.encode(authKey)
  }
  return toBase64url(await digest(bytes))
}

/** Compares two strings without stopping at the first difference, so timing says nothing about a stored hash. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0)
  return diff === 0
}
