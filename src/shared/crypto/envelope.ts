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

function binding(requestId: string, windowId: string): string {
  return `tsunagu/v1|${requestId}|${windowId}`
}

function keyAad(requestId: string, windowId: string, keyId: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`${binding(requestId, windowId)}|${keyId}`)
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

/**
 * Encrypts a payload for every recipient of a window (DESIGN §4): AES-256-GCM under a fresh
 * content key, and that key sealed with HPKE to each recipient. Request id and window id are bound
 * into both layers, so an envelope cannot be replayed under another request or window.
 */
export async function sealEnvelope(args: {
  requestId: string
  windowId: string
  payload: unknown
  recipients: EnvelopeRecipient[]
}): Promise<Envelope> {
  const { requestId, windowId, payload, recipients } = args
  if (recipients.length === 0) throw new TypeError('No recipients')
  const json = JSON.stringify(payload)
  if (json === undefined) throw new TypeError('Payload is not JSON')

  const contentKeyRaw = crypto.getRandomValues(new Uint8Array(32))
  const contentKey = await crypto.subtle.importKey('raw', contentKeyRaw, 'AES-GCM', false, ['encrypt'])
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(binding(requestId, windowId)) },
    contentKey,
    padded(json),
  )
  try {
    const sealed = await Promise.all(
      recipients.map(async ({ keyId, publicKey }) => {
        // A mismatched key id would make the envelope unopenable for that person: fail loudly now.
        if ((await keyIdOf(publicKey)) !== keyId) throw new TypeError('Key id does not match public key')
        const recipientPublicKey = await importRecipientPublicKey(publicKey)
        const { ct, enc } = await suite.seal({ recipientPublicKey, info: HPKE_INFO }, contentKeyRaw, keyAad(requestId, windowId, keyId))
        return { keyId, enc: toBase64url(new Uint8Array(enc)), sealedKey: toBase64url(new Uint8Array(ct)) }
      }),
    )
    return { v: 1, requestId, windowId, iv: toBase64url(iv), ciphertext: toBase64url(new Uint8Array(ciphertext)), recipients: sealed }
  } finally {
    contentKeyRaw.fill(0)
  }
}

/**
 * Opens an envelope with one recipient's private key (extractable or not). Passing
 * `publicCryptoKey` (a RecipientKeyPair has it, so the whole pair can be passed) saves
 * recomputing it from the private key. Throws DecryptError on any failure, whatever the cause.
 */
export async function openEnvelope(
  envelope: Envelope,
  recipient: { keyId: string; privateKey: CryptoKey; publicCryptoKey?: CryptoKey },
): Promise<unknown> {
  try {
    if (envelope.v !== 1) throw new DecryptError()
    const entry = envelope.recipients.find((r) => r.keyId === recipient.keyId)
    if (!entry) throw new DecryptError()
    const publicKey = recipient.publicCryptoKey ?? (await publicKeyForPrivate(recipient.privateKey, recipient.keyId))
    if (!publicKey) throw new DecryptError()
    // Always a pair: HPKE binds the recipient's public key, and @hpke/core would otherwise guess it.
    const recipientKey = { privateKey: recipient.privateKey, publicKey }
    const contentKeyRaw = new Uint8Array(
      await suite.open(
        { recipientKey, enc: fromBase64url(entry.enc), info: HPKE_INFO },
        fromBase64url(entry.sealedKey),
        keyAad(envelope.requestId, envelope.windowId, entry.keyId),
      ),
    )
    if (contentKeyRaw.length !== 32) throw new DecryptError()
    const contentKey = await crypto.subtle.importKey('raw', contentKeyRaw, 'AES-GCM', false, ['decrypt'])
    contentKeyRaw.fill(0)
    const iv = fromBase64url(envelope.iv)
    if (iv.length !== 12) throw new DecryptError()
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(binding(envelope.requestId, envelope.windowId)) },
      contentKey,
      fromBase64url(envelope.ciphertext),
    )
    return JSON.parse(decoder.decode(plaintext))
  } catch {
    throw new DecryptError()
  }
}
