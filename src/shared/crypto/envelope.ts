import { Aes128Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core'
import type { Envelope } from '../schemas/envelope'
import { fromBase64url, toBase64url } from './base64url'
import { DecryptError } from './decrypt-error'
import { publicKeyForPrivate } from './p256-public-key'
import { importRecipientPublicKey, keyIdOf } from './window-keys'

export { DecryptError }

const suite = new CipherSuite({ kem: new DhkemP256HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes128Gcm() })
const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })
const HPKE_INFO = encoder.encode('tsunagu/v1/content-key')
/** Plaintext is padded to a multiple of this, so the ciphertext length says little about the message. */
const PAD_BLOCK = 512

/** consent: the person's recorded consent to a hand-over (src/shared/schemas/handover.ts), sealed like a note. */
export const envelopeKinds = ['request', 'followUp', 'note', 'contact', 'consent'] as const
export type EnvelopeKind = (typeof envelopeKinds)[number]

/**
 * Where a sealed message belongs. Bound into both layers as additional data, and on opening always
 * taken from the caller (the route, the case being read), never from the envelope: a server that
 * moves a message to another request, swaps two messages or replays one as another kind is caught.
 */
export interface EnvelopeBinding {
  requestId: string
  windowId: string
  kind: EnvelopeKind
  /** The message's own id; for the request itself, the request id. */
  messageId: string
}

function binding(b: EnvelopeBinding): string {
  const fields = [b.requestId, b.windowId, b.messageId]
  if (!envelopeKinds.includes(b.kind) || fields.some((f) => typeof f !== 'string' || f === '' || f.includes('|'))) {
    throw new TypeError('Invalid envelope binding')
  }
  if (b.kind === 'request' && b.messageId !== b.requestId) throw new TypeError('A request is its own message')
  return `tsunagu/v1/${b.kind}|${b.requestId}|${b.windowId}|${b.messageId}`
}

function keyAad(bound: string, keyId: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`${bound}|${keyId}`)
}

function padded(json: string): Uint8Array<ArrayBuffer> {
  const bytes = encoder.encode(json)
  // Trailing spaces are JSON whitespace: JSON.parse ignores them, no length prefix needed.
  const out = new Uint8Array(Math.ceil((bytes.length + 1) / PAD_BLOCK) * PAD_BLOCK).fill(0x20)
  out.set(bytes)
  return out
}

export interface EnvelopeRecipient {
  keyId: string
  publicKey: string
}

export interface OpeningKey {
  keyId: string
  privateKey: CryptoKey
  /** A RecipientKeyPair has it, so the whole pair can be passed; saves recomputing it. */
  publicCryptoKey?: CryptoKey
}

async function sealContentKey(contentKeyRaw: Uint8Array<ArrayBuffer>, bound: string, recipients: EnvelopeRecipient[]) {
  return Promise.all(
    recipients.map(async ({ keyId, publicKey }) => {
      // A mismatched key id would make the envelope unopenable for that person: fail loudly now.
      if ((await keyIdOf(publicKey)) !== keyId) throw new TypeError('Key id does not match public key')
      const recipientPublicKey = await importRecipientPublicKey(publicKey)
      const { ct, enc } = await suite.seal({ recipientPublicKey, info: HPKE_INFO }, contentKeyRaw, keyAad(bound, keyId))
      return { keyId, enc: toBase64url(new Uint8Array(enc)), sealedKey: toBase64url(new Uint8Array(ct)) }
    }),
  )
}

/**
 * Encrypts a payload for every recipient of a window (DESIGN §4): AES-256-GCM under a fresh
 * content key, and that key sealed with HPKE to each recipient, both bound to `EnvelopeBinding`.
 */
export async function sealEnvelope(args: EnvelopeBinding & { payload: unknown; recipients: EnvelopeRecipient[] }): Promise<Envelope> {
  const { requestId, windowId, payload, recipients } = args
  const bound = binding(args)
  if (recipients.length === 0) throw new TypeError('No recipients')
  const json = JSON.stringify(payload)
  if (json === undefined) throw new TypeError('Payload is not JSON')

  const contentKeyRaw = crypto.getRandomValues(new Uint8Array(32))
  const contentKey = await crypto.subtle.importKey('raw', contentKeyRaw, 'AES-GCM', false, ['encrypt'])
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(bound) }, contentKey, padded(json))
  try {
    const sealed = await sealContentKey(contentKeyRaw, bound, recipients)
    return { v: 1, requestId, windowId, iv: toBase64url(iv), ciphertext: toBase64url(new Uint8Array(ciphertext)), recipients: sealed }
  } finally {
    contentKeyRaw.fill(0)
  }
}

/**
 * The envelope's 32-byte content key, opened with one recipient's private key (extractable or
 * not). Only for re-sealing it with `addRecipients`; zero it (`.fill(0)`) when done.
 */
export async function openContentKey(envelope: Envelope, recipient: OpeningKey, expected: EnvelopeBinding): Promise<Uint8Array<ArrayBuffer>> {
  try {
    if (envelope.v !== 1) throw new DecryptError()
    const bound = binding(expected)
    const entry = envelope.recipients.find((r) => r.keyId === recipient.keyId)
    if (!entry) throw new DecryptError()
    const publicKey = recipient.publicCryptoKey ?? (await publicKeyForPrivate(recipient.privateKey, recipient.keyId))
    if (!publicKey) throw new DecryptError()
    // Always a pair: HPKE binds the recipient's public key, and @hpke/core would otherwise guess it.
    const recipientKey = { privateKey: recipient.privateKey, publicKey }
    const contentKeyRaw = new Uint8Array(
      await suite.open({ recipientKey, enc: fromBase64url(entry.enc), info: HPKE_INFO }, fromBase64url(entry.sealedKey), keyAad(bound, entry.keyId)),
    )
    if (contentKeyRaw.length !== 32) throw new DecryptError()
    return contentKeyRaw
  } catch {
    throw new DecryptError()
  }
}

async function decryptContent(envelope: Envelope, contentKeyRaw: Uint8Array<ArrayBuffer>, expected: EnvelopeBinding): Promise<unknown> {
  const contentKey = await crypto.subtle.importKey('raw', contentKeyRaw, 'AES-GCM', false, ['decrypt'])
  const iv = fromBase64url(envelope.iv)
  if (iv.length !== 12) throw new DecryptError()
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(binding(expected)) },
    contentKey,
    fromBase64url(envelope.ciphertext),
  )
  return JSON.parse(decoder.decode(plaintext))
}

/**
 * Opens an envelope with one recipient's key, checking it belongs where the caller expects it.
 * Throws DecryptError on any failure, whatever the cause.
 */
export async function openEnvelope(envelope: Envelope, recipient: OpeningKey, expected: EnvelopeBinding): Promise<unknown> {
  const contentKeyRaw = await openContentKey(envelope, recipient, expected)
  try {
    return await decryptContent(envelope, contentKeyRaw, expected)
  } catch {
    throw new DecryptError()
  } finally {
    contentKeyRaw.fill(0)
  }
}

/**
 * The same envelope with its content key also sealed to `recipients` (a colleague certified
 * later). Recipients already on it are skipped. The content key must open the ciphertext under
 * `expected`, so a key taken from another message cannot be passed off as this one's.
 */
export async function addRecipients(
  envelope: Envelope,
  contentKeyRaw: Uint8Array<ArrayBuffer>,
  expected: EnvelopeBinding,
  recipients: EnvelopeRecipient[],
): Promise<Envelope> {
  try {
    await decryptContent(envelope, contentKeyRaw, expected)
  } catch {
    throw new DecryptError()
  }
  const present = new Set(envelope.recipients.map((r) => r.keyId))
  const fresh = recipients.filter((r, i) => !present.has(r.keyId) && recipients.findIndex((o) => o.keyId === r.keyId) === i)
  const sealed = await sealContentKey(contentKeyRaw, binding(expected), fresh)
  return { ...envelope, recipients: [...envelope.recipients, ...sealed] }
}
