import { fromBase64url } from '@/shared/crypto/base64url'

const GROUPS = 6

/**
 * The fingerprint a person reads aloud on the phone: 6 groups of 5 digits from SHA-256 of the raw
 * public key. Digits, not hex, because 「ビー」と「ディー」 are easy to mishear. The admin page shows
 * the same groups for the same key, so both sides compare one string.
 */
export async function spokenFingerprint(publicKey: string): Promise<string[]> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', fromBase64url(publicKey)))
  const groups: string[] = []
  for (let i = 0; i < GROUPS; i++) {
    const value = (hash[i * 3]! << 16) | (hash[i * 3 + 1]! << 8) | hash[i * 3 + 2]!
    groups.push(String(value % 100000).padStart(5, '0'))
  }
  return groups
}
