import { fromBase64url, toBase64url } from './base64url'

const ECDH_P256 = { name: 'ECDH', namedCurve: 'P-256' } as const
/** Uncompressed SEC1 point: 0x04 || x || y. */
const RAW_PUBLIC_KEY_BYTES = 65

export interface RecipientKeyPair {
  /** First 16 base64url characters of SHA-256(raw public key): names the key in envelopes. */
  keyId: string
  /** Raw uncompressed public key, base64url (87 characters). */
  publicKey: string
  /** For reading aloud when checking a key by phone: '1a2b 3c4d …' (8 groups of SHA-256 hex). */
  fingerprint: string
  privateKey: CryptoKey
  publicCryptoKey: CryptoKey
}

async function digest(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
}

function rawPublicKey(publicKey: string): Uint8Array<ArrayBuffer> {
  const raw = fromBase64url(publicKey)
  if (raw.length !== RAW_PUBLIC_KEY_BYTES || raw[0] !== 4) throw new TypeError('Invalid public key')
  return raw
}

export async function keyIdOf(publicKey: string): Promise<string> {
  return toBase64url(await digest(rawPublicKey(publicKey))).slice(0, 16)
}

export async function fingerprintOf(publicKey: string): Promise<string> {
  const hash = await digest(rawPublicKey(publicKey))
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')
  return (hex.match(/.{4}/g) ?? []).slice(0, 8).join(' ')
}

/** Imports a published recipient key (validated as a P-256 point by WebCrypto). */
export async function importRecipientPublicKey(publicKey: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', rawPublicKey(publicKey), ECDH_P256, true, [])
}

async function describe(privateKey: CryptoKey, publicCryptoKey: CryptoKey): Promise<RecipientKeyPair> {
  const publicKey = toBase64url(new Uint8Array(await crypto.subtle.exportKey('raw', publicCryptoKey)))
  return { keyId: await keyIdOf(publicKey), publicKey, fingerprint: await fingerprintOf(publicKey), privateKey, publicCryptoKey }
}

/**
 * A staff or recovery key pair. The private key is non-extractable by default (a staff browser
 * keeps it in IndexedDB); pass `extractable: true` only to write a recovery or dev key file.
 */
export async function generateRecipientKeyPair(options: { extractable?: boolean } = {}): Promise<RecipientKeyPair> {
  const pair = (await crypto.subtle.generateKey(ECDH_P256, options.extractable ?? false, ['deriveBits'])) as CryptoKeyPair
  return describe(pair.privateKey, pair.publicKey)
}

export async function exportPrivateKeyJwk(privateKey: CryptoKey): Promise<JsonWebKey> {
  return crypto.subtle.exportKey('jwk', privateKey)
}

function publicJwk(jwk: JsonWebKey): JsonWebKey {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, ext: true }
}

export async function importPrivateKeyJwk(jwk: JsonWebKey, options: { extractable?: boolean } = {}): Promise<CryptoKey> {
  if (jwk?.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string') throw new TypeError('Not a P-256 private key')
  // A file written elsewhere may carry ops or ext flags that conflict with ECDH import here.
  const { key_ops: _ops, ext: _ext, ...rest } = jwk
  return crypto.subtle.importKey('jwk', rest, ECDH_P256, options.extractable ?? false, ['deriveBits'])
}

/** A private JWK (dev key file, recovery file) → the full recipient, keyId and fingerprint included. */
export async function recipientFromPrivateJwk(jwk: JsonWebKey, options: { extractable?: boolean } = {}): Promise<RecipientKeyPair> {
  const privateKey = await importPrivateKeyJwk(jwk, options)
  const publicCryptoKey = await crypto.subtle.importKey('jwk', publicJwk(jwk), ECDH_P256, true, [])
  return describe(privateKey, publicCryptoKey)
}
