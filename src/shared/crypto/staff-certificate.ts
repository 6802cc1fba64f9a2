import type { PinnedKey } from '../schemas/deployment'
import type { StaffCertificate } from '../schemas/staff'
import { fromBase64url, toBase64url } from './base64url'
import { fingerprintOf, keyIdOf } from './window-keys'

/*
 * A window's certification key (ECDSA P-256, DESIGN §4) vouches for staff keys. Its public half is
 * pinned in the built app; the public form seals only to staff keys it has signed, so a row written
 * into the database alone cannot add a reader.
 */
const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const
const encoder = new TextEncoder()

export interface CertificationKeyPair {
  keyId: string
  /** Raw uncompressed public key, base64url: what deployment.json pins as `certificationKey`. */
  publicKey: string
  fingerprint: string
  privateKey: CryptoKey
}

export interface StaffKeyClaim {
  windowId: string
  keyId: string
  /** The staff member's raw ECDH P-256 public key, base64url. */
  publicKey: string
}

/** The exact bytes signed: every field is bound, so a certificate cannot be moved to another key or window. */
export function staffCertificateMessage(claim: StaffKeyClaim, issuedAt: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`tsunagu/v1/staff-key|${claim.windowId}|${claim.keyId}|${claim.publicKey}|${issuedAt}`)
}

async function describe(privateKey: CryptoKey, publicCryptoKey: CryptoKey): Promise<CertificationKeyPair> {
  const publicKey = toBase64url(new Uint8Array(await crypto.subtle.exportKey('raw', publicCryptoKey)))
  return { keyId: await keyIdOf(publicKey), publicKey, fingerprint: await fingerprintOf(publicKey), privateKey }
}

/** A new certification key pair. Extractable only to write it to the offline key file (`admin init-window`). */
export async function generateCertificationKeyPair(options: { extractable?: boolean } = {}): Promise<CertificationKeyPair> {
  const pair = (await crypto.subtle.generateKey(ECDSA_P256, options.extractable ?? false, ['sign', 'verify'])) as CryptoKeyPair
  return describe(pair.privateKey, pair.publicKey)
}

export async function exportCertificationPrivateJwk(privateKey: CryptoKey): Promise<JsonWebKey> {
  return crypto.subtle.exportKey('jwk', privateKey)
}

/** The certification key file (a private JWK) → a signing key; non-extractable unless asked. */
export async function importCertificationPrivateJwk(jwk: JsonWebKey, options: { extractable?: boolean } = {}): Promise<CertificationKeyPair> {
  if (jwk?.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string') throw new TypeError('Not a P-256 private key')
  // A file written elsewhere may carry ops or ext flags that conflict with ECDSA import here.
  const { key_ops: _ops, ext: _ext, alg: _alg, ...rest } = jwk
  const privateKey = await crypto.subtle.importKey('jwk', rest, ECDSA_P256, options.extractable ?? false, ['sign'])
  const publicCryptoKey = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true }, ECDSA_P256, true, ['verify'])
  return describe(privateKey, publicCryptoKey)
}

/** What deployment.json pins for this key pair. */
export function pinnedKeyOf(pair: { keyId: string; publicKey: string; fingerprint: string }): PinnedKey {
  return { keyId: pair.keyId, publicKey: pair.publicKey, fingerprint: pair.fingerprint }
}

/** Signs a staff key for one window. Throws when `keyId` is not the id of `publicKey`. */
export async function signStaffCertificate(
  certPrivateKey: CryptoKey,
  claim: StaffKeyClaim,
  issuedAt: Date = new Date(),
): Promise<StaffCertificate> {
  if ((await keyIdOf(claim.publicKey)) !== claim.keyId) throw new TypeError('Key id does not match public key')
  const at = issuedAt.toISOString()
  const signature = await crypto.subtle.sign(SIGN, certPrivateKey, staffCertificateMessage(claim, at))
  return { v: 1, issuedAt: at, signature: toBase64url(new Uint8Array(signature)) }
}

/**
 * True only when `certificate` is the pinned certification key's signature over exactly this
 * window, key id and public key, and the key id is really the public key's. Never throws: any
 * malformed input is simply not verified.
 */
export async function verifyStaffCertificate(
  pinned: PinnedKey,
  claim: StaffKeyClaim & { certificate: StaffCertificate | null | undefined },
): Promise<boolean> {
  try {
    const { certificate } = claim
    if (!certificate || certificate.v !== 1 || typeof certificate.issuedAt !== 'string') return false
    if ((await keyIdOf(claim.publicKey)) !== claim.keyId) return false
    if ((await keyIdOf(pinned.publicKey)) !== pinned.keyId) return false
    const signature = fromBase64url(certificate.signature)
    if (signature.length !== 64) return false
    const verifyKey = await crypto.subtle.importKey('raw', fromBase64url(pinned.publicKey), ECDSA_P256, false, ['verify'])
    return await crypto.subtle.verify(SIGN, verifyKey, signature, staffCertificateMessage(claim, certificate.issuedAt))
  } catch {
    return false
  }
}
