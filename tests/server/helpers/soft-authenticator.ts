import { fromBase64url, toBase64url } from '../../../src/shared/crypto/base64url'

/*
 * A software passkey for server tests: it answers WebAuthn creation and request options the way a
 * platform authenticator does (attestation "none", ES256, discoverable), so the real
 * @simplewebauthn/server verification runs. The browser tests use Chromium's virtual authenticator.
 */

const encoder = new TextEncoder()

type Cbor = number | string | Uint8Array | CborMap | { [key: string]: Cbor }
interface CborMap extends Map<number | string, Cbor> {}

function head(major: number, length: number): number[] {
  if (length < 24) return [(major << 5) | length]
  if (length < 256) return [(major << 5) | 24, length]
  return [(major << 5) | 25, length >> 8, length & 255]
}

/** The little of CBOR that WebAuthn needs: small integers, byte and text strings, maps. */
function cbor(value: Cbor): number[] {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value)
  if (typeof value === 'string') {
    const bytes = encoder.encode(value)
    return [...head(3, bytes.length), ...bytes]
  }
  if (value instanceof Uint8Array) return [...head(2, value.length), ...value]
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value)
  return [...head(5, entries.length), ...entries.flatMap(([k, v]) => [...cbor(k), ...cbor(v)])]
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

const sha256 = async (data: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>))

/** WebCrypto's ECDSA signature is r‖s; WebAuthn's ES256 signature is DER. */
function derSignature(raw: Uint8Array): Uint8Array {
  const int = (bytes: Uint8Array) => {
    let i = 0
    while (i < bytes.length - 1 && bytes[i] === 0) i++
    const trimmed = bytes.slice(i)
    const body = (trimmed[0] ?? 0) & 0x80 ? concat(new Uint8Array([0]), trimmed) : trimmed
    return concat(new Uint8Array([0x02, body.length]), body)
  }
  const seq = concat(int(raw.slice(0, 32)), int(raw.slice(32)))
  return concat(new Uint8Array([0x30, seq.length]), seq)
}

export class SoftAuthenticator {
  private counter = 0
  private constructor(
    private readonly keys: CryptoKeyPair,
    readonly credentialId: Uint8Array,
    private userHandle = '',
  ) {}

  static async create(): Promise<SoftAuthenticator> {
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair
    return new SoftAuthenticator(keys, crypto.getRandomValues(new Uint8Array(32)))
  }

  get id(): string {
    return toBase64url(this.credentialId)
  }

  private async authData(rpId: string, attested: Uint8Array | null): Promise<Uint8Array> {
    this.counter += 1
    const flags = 0x01 | 0x04 | (attested ? 0x40 : 0)
    const count = new Uint8Array([(this.counter >>> 24) & 255, (this.counter >>> 16) & 255, (this.counter >>> 8) & 255, this.counter & 255])
    return concat(await sha256(encoder.encode(rpId)), new Uint8Array([flags]), count, attested ?? new Uint8Array())
  }

  /** Answers `navigator.credentials.create()` options from generateRegistrationOptions. */
  async register(options: { challenge: string; rp: { id?: string }; user: { id: string } }, origin: string) {
    this.userHandle = options.user.id
    const jwk = await crypto.subtle.exportKey('jwk', this.keys.publicKey)
    const cose = new Map<number, Cbor>([[1, 2], [3, -7], [-1, 1], [-2, fromBase64url(jwk.x!)], [-3, fromBase64url(jwk.y!)]])
    const credentialIdLength = new Uint8Array([this.credentialId.length >> 8, this.credentialId.length & 255])
    const attested = concat(new Uint8Array(16), credentialIdLength, this.credentialId, new Uint8Array(cbor(cose)))
    const authData = await this.authData(options.rp.id ?? new URL(origin).hostname, attested)
    const clientData = { type: 'webauthn.create', challenge: options.challenge, origin, crossOrigin: false }
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: toBase64url(encoder.encode(JSON.stringify(clientData))),
        attestationObject: toBase64url(new Uint8Array(cbor({ fmt: 'none', attStmt: {}, authData }))),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    }
  }

  /** Answers `navigator.credentials.get()` options from generateAuthenticationOptions. */
  async authenticate(options: { challenge: string; rpId?: string }, origin: string) {
    const authData = await this.authData(options.rpId ?? new URL(origin).hostname, null)
    const clientDataJSON = encoder.encode(JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin, crossOrigin: false }))
    const signed = concat(authData, await sha256(clientDataJSON))
    const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.keys.privateKey, signed as Uint8Array<ArrayBuffer>))
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: toBase64url(clientDataJSON),
        authenticatorData: toBase64url(authData),
        signature: toBase64url(derSignature(raw)),
        userHandle: this.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    }
  }
}
