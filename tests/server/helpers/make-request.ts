import { toBase64url } from '../../../src/shared/crypto/base64url'
import { sealEnvelope } from '../../../src/shared/crypto/envelope'
import { hashAuthKey } from '../../../src/shared/crypto/receipt-keys'
import { generateRecipientKeyPair, type RecipientKeyPair } from '../../../src/shared/crypto/window-keys'

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n))

let staffKey: Promise<RecipientKeyPair> | undefined
/** The one staff key pair of the test window: its public half is seeded into every store under test. */
export function testStaffKeyPair(): Promise<RecipientKeyPair> {
  staffKey ??= generateRecipientKeyPair()
  return staffKey
}

export async function testStaffKey(windowId: string) {
  const { keyId, publicKey, fingerprint } = await testStaffKeyPair()
  return { keyId, windowId, kind: 'staff' as const, publicKey, fingerprint, createdAt: new Date().toISOString() }
}

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

/**
 * An envelope sealed with the real crypto library to the test staff key, as the browser makes it:
 * the request itself, or with `messageId` a follow-up.
 */
export async function sealTestEnvelope(requestId: string, windowId: string, payload: unknown, messageId?: string) {
  const { keyId, publicKey } = await testStaffKeyPair()
  const kind = messageId ? ('followUp' as const) : ('request' as const)
  return sealEnvelope({ requestId, windowId, kind, messageId: messageId ?? requestId, payload, recipients: [{ keyId, publicKey }] })
}

/**
 * A complete POST /api/requests body plus the credentials a receipt would give. Lookup id and auth
 * key are random 32-byte values (what the receipt KDF outputs) to keep 50-way tests fast.
 */
export async function makeBooking(options: BookingOptions = {}) {
  const requestId = crypto.randomUUID()
  const windowId = options.windowId ?? 'toshima'
  const mode = options.mode ?? 'phone'
  const credentials: Credentials = { lookupId: toBase64url(random(32)), authKey: toBase64url(random(32)) }
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
    authHash: await hashAuthKey(credentials.authKey),
    envelope: await sealTestEnvelope(requestId, windowId, payload),
  }
  return { body, credentials, requestId }
}
