import { toBase64url } from './base64url'

/*
 * Recovers the public key of a non-extractable P-256 private key. ECDH with the base point G gives
 * the x coordinate of the public point; y is one of two square roots, and the key id (a hash of
 * the full point) tells which. @hpke/core 1.9 guesses y by parity instead, which picks the wrong
 * point for half of all keys and then fails to open their envelopes.
 */
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn
const GX = 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n
const GY = 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n
const ECDH_P256 = { name: 'ECDH', namedCurve: 'P-256' } as const

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n
  let b = base % modulus
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus
    b = (b * b) % modulus
  }
  return result
}

function toBytes(value: bigint): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(32)
  for (let i = 31, v = value; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn)
  return out
}

function fromBytes(bytes: Uint8Array): bigint {
  return bytes.reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n)
}

function rawPoint(x: bigint, y: bigint): Uint8Array<ArrayBuffer> {
  const raw = new Uint8Array(65)
  raw[0] = 4
  raw.set(toBytes(x), 1)
  raw.set(toBytes(y), 33)
  return raw
}

async function keyIdOfRaw(raw: Uint8Array<ArrayBuffer>): Promise<string> {
  return toBase64url(new Uint8Array(await crypto.subtle.digest('SHA-256', raw))).slice(0, 16)
}

/** The public key of `privateKey`, or null when it is not the key named by `keyId`. */
export async function publicKeyForPrivate(privateKey: CryptoKey, keyId: string): Promise<CryptoKey | null> {
  if (privateKey.extractable) {
    const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', privateKey)
    const publicKey = await crypto.subtle.importKey('jwk', { kty, crv, x, y, ext: true }, ECDH_P256, true, [])
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey))
    return (await keyIdOfRaw(raw)) === keyId ? publicKey : null
  }
  const basePoint = await crypto.subtle.importKey('raw', rawPoint(GX, GY), ECDH_P256, true, [])
  const x = fromBytes(new Uint8Array(await crypto.subtle.deriveBits({ name: 'ECDH', public: basePoint }, privateKey, 256)))
  const rhs = (((modPow(x, 3n, P) - 3n * x + B) % P) + P) % P
  // P ≡ 3 (mod 4), so a square root is rhs^((P+1)/4).
  const y = modPow(rhs, (P + 1n) / 4n, P)
  for (const candidate of [y, P - y]) {
    const raw = rawPoint(x, candidate)
    if ((await keyIdOfRaw(raw)) === keyId) return crypto.subtle.importKey('raw', raw, ECDH_P256, true, [])
  }
  return null
}
