import type { ReplyEnvelope } from '../schemas/envelope'
import { fromBase64url, toBase64url } from './base64url'
import { DecryptError } from './decrypt-error'

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

/** Which reply this is: bound as additional data and, on reading, taken from the caller, not the server's word. */
export interface ReplyBinding {
  requestId: string
  messageId: string
}

function replyAad({ requestId, messageId }: ReplyBinding): Uint8Array<ArrayBuffer> {
  if ([requestId, messageId].some((f) => typeof f !== 'string' || f === '' || f.includes('|'))) throw new TypeError('Invalid reply binding')
  return encoder.encode(`tsunagu/v1/reply|${requestId}|${messageId}`)
}

async function replyKey(replyKeyRaw: string, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const raw = fromBase64url(replyKeyRaw)
  if (raw.length !== 32) throw new TypeError('Invalid reply key')
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, [usage])
}

/** Staff side: encrypts a reply only the receipt holder can read (their reply key came in the payload). */
export async function encryptReply(replyKeyRaw: string, payload: unknown, bound: ReplyBinding): Promise<ReplyEnvelope> {
  const json = JSON.stringify(payload)
  if (json === undefined) throw new TypeError('Message is not JSON')
  const additionalData = replyAad(bound)
  const key = await replyKey(replyKeyRaw, 'encrypt')
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, encoder.encode(json))
  return { v: 1, iv: toBase64url(iv), ciphertext: toBase64url(new Uint8Array(ciphertext)) }
}

/** Receipt holder side. Throws DecryptError on a wrong key, any tampering, or a reply moved from elsewhere. */
export async function decryptReply(replyKeyRaw: string, envelope: ReplyEnvelope, expected: ReplyBinding): Promise<unknown> {
  try {
    if (envelope.v !== 1) throw new DecryptError()
    const additionalData = replyAad(expected)
    const key = await replyKey(replyKeyRaw, 'decrypt')
    const iv = fromBase64url(envelope.iv)
    if (iv.length !== 12) throw new DecryptError()
    const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, key, fromBase64url(envelope.ciphertext))
    return JSON.parse(decoder.decode(plaintext))
  } catch {
    throw new DecryptError()
  }
}
