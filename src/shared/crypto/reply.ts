import type { ReplyEnvelope } from '../schemas/envelope'
import { fromBase64url, toBase64url } from './base64url'
import { DecryptError } from './decrypt-error'

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })
const REPLY_AAD = encoder.encode('tsunagu/v1/reply')

async function replyKey(replyKeyRaw: string, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const raw = fromBase64url(replyKeyRaw)
  if (raw.length !== 32) throw new TypeError('Invalid reply key')
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, [usage])
}

/** Staff side: encrypts a reply only the receipt holder can read (their reply key came in the payload). */
export async function encryptReply(replyKeyRaw: string, message: unknown): Promise<ReplyEnvelope> {
  const json = JSON.stringify(message)
  if (json === undefined) throw new TypeError('Message is not JSON')
  const key = await replyKey(replyKeyRaw, 'encrypt')
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: REPLY_AAD }, key, encoder.encode(json))
  return { v: 1, iv: toBase64url(iv), ciphertext: toBase64url(new Uint8Array(ciphertext)) }
}

/** Receipt holder side. Throws DecryptError on a wrong key or any tampering. */
export async function decryptReply(replyKeyRaw: string, envelope: ReplyEnvelope): Promise<unknown> {
  try {
    if (envelope.v !== 1) throw new DecryptError()
    const key = await replyKey(replyKeyRaw, 'decrypt')
    const iv = fromBase64url(envelope.iv)
    if (iv.length !== 12) throw new DecryptError()
    const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: REPLY_AAD }, key, fromBase64url(envelope.ciphertext))
    return JSON.parse(decoder.decode(plaintext))
  } catch {
    throw new DecryptError()
  }
}
