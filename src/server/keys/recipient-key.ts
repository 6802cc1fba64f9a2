import { sha256, toBase64url } from '../http/hash'

const ECDH_P256 = { name: 'ECDH', namedCurve: 'P-256' } as const

export interface PublicRecipient {
  /** First 16 base64url characters of SHA-256(raw public key). */
  keyId: string
  /** Raw uncompressed P-256 point, base64url (87 characters). */
  publicKey: string
  /** SHA-256 hex in 8 groups of four, for reading aloud. */
  fingerprint: string
}

export async function describePublicKey(publicKey: CryptoKey): Promise<PublicRecipient> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey))
  const hash = await sha256(raw)
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')
  return {
    keyId: toBase64url(hash).slice(0, 16),
    publicKey: toBase64url(raw),
    fingerprint: (hex.match(/.{4}/g) ?? []).slice(0, 8).join(' '),
  }
}

/** A recipient key pair whose private half can be written to a file (dev keys, recovery keys). */
export async function generateExportableKeyPair() {
  const pair = (await crypto.subtle.generateKey(ECDH_P256, true, ['deriveBits'])) as CryptoKeyPair
  return { ...(await describePublicKey(pair.publicKey)), privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey) }
}

export async function publicKeyFromPrivateJwk(jwk: JsonWebKey): Promise<PublicRecipient> {
  const { d: _d, key_ops: _ops, ext: _ext, ...publicPart } = jwk
  return describePublicKey(await crypto.subtle.importKey('jwk', publicPart, ECDH_P256, true, []))
}
