import { toBase64url } from '../../../src/server/http/hash'

const encoder = new TextEncoder()
const random = (n: number) => crypto.getRandomValues(new Uint8Array(n))
const sha256 = async (bytes: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))

export interface Credentials {
  lookupId: string
  authKey: string
}

export interface BookingOptions {
  windowId?: string
  mode?: 'phone' | 'visit' | 'video' | 'letter'
  slotId?: string | null
  nickname?: string
  message?: string
}

/** An envelope whose ciphertext really is AES-256-GCM of the payload, as the browser makes it. */
export async function sealTestEnvelope(requestId: string, windowId: string, payload: unknown) {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt'])
  const iv = random(12)
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(`${requestId}|${windowId}`) },
      key,
      encoder.encode(JSON.stringify(payload)),
    ),
  )
  return {
    v: 1 as const,
    requestId,
    windowId,
    iv: toBase64url(iv),
    ciphertext: toBase64url(ciphertext),
    recipients: [{ keyId: 'test-staff-key', enc: toBase64url(random(65)), sealedKey: toBase64url(random(48)) }],
  }
}

/** A complete POST /api/requests body plus the credentials the receipt would give. */
export async function makeBooking(options: BookingOptions = {}) {
  const requestId = crypto.randomUUID()
  const windowId = options.windowId ?? 'toshima'
  const mode = options.mode ?? 'phone'
  const authKeyBytes = random(32)
  const credentials: Credentials = { lookupId: toBase64url(random(32)), authKey: toBase64url(authKeyBytes) }
  const payload = {
    v: 1,
    asker: 'self',
    relation: null,
    nickname: options.nickname ?? 'みどり',
    ageGroup: '20s',
    mode,
    concerns: [],
    mainConcern: null,
    message: options.message ?? '',
    contact: { kind: 'none' },
    replyKey: toBase64url(random(32)),
    writtenAt: new Date().toISOString(),
  }
  const body = {
    requestId,
    windowId,
    mode,
    slotId: options.slotId ?? null,
    lookupId: credentials.lookupId,
    authHash: toBase64url(await sha256(authKeyBytes)),
    envelope: await sealTestEnvelope(requestId, windowId, payload),
  }
  return { body, credentials, requestId }
}
