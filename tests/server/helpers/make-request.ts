import { toBase64url } from '../../../src/shared/crypto/base64url'
import { sealEnvelope } from '../../../src/shared/crypto/envelope'
import { hashAuthKey } from '../../../src/shared/crypto/receipt-keys'
import type { EnvelopeRecipient } from '../../../src/shared/crypto/envelope'
import type { RecipientKeyPair } from '../../../src/shared/crypto/window-keys'
import { certifiedStaffKey, makeTestDeployment, type TestDeployment } from '../../helpers/test-deployment'

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n))

type CertifiedKey = Awaited<ReturnType<typeof certifiedStaffKey>>
let windows: Promise<{ test: TestDeployment; staff: Map<string, CertifiedKey> }> | undefined

/**
 * The test deployment of this process: every window with its recovery and certification keys pinned
 * and one staff key certified by them, so envelopes can be sealed to exactly what the server expects.
 */
export function testWindows() {
  windows ??= (async () => {
    const test = await makeTestDeployment()
    const staff = new Map<string, CertifiedKey>()
    for (const w of test.deployment.windows) staff.set(w.id, await certifiedStaffKey(test.keys.get(w.id)!.certification, w.id))
    return { test, staff }
  })()
  return windows
}

export const testDeployment = async () => (await testWindows()).test.deployment

/** The certified staff key pair of a window (toshima by default): it can open what the tests seal. */
export async function testStaffKeyPair(windowId = 'toshima'): Promise<RecipientKeyPair> {
  return (await testWindows()).staff.get(windowId)!.pair
}

/** The staff key row of a window, with its certificate, as seeded into every store under test. */
export async function testStaffKey(windowId: string) {
  return (await testWindows()).staff.get(windowId)!.key
}

/** Whom the public form seals to for this window: the certified staff key and the pinned recovery key. */
export async function testRecipients(windowId: string): Promise<EnvelopeRecipient[]> {
  const { test, staff } = await testWindows()
  const recovery = test.keys.get(windowId)?.recovery
  const pair = staff.get(windowId)?.pair
  if (!recovery || !pair) throw new Error(`No test keys for window ${windowId}`)
  return [{ keyId: pair.keyId, publicKey: pair.publicKey }, { keyId: recovery.keyId, publicKey: recovery.publicKey }]
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
 * An envelope sealed with the real crypto library to the window's recipients, as the browser makes
 * it: the request itself, or with `messageId` a follow-up.
 */
export async function sealTestEnvelope(requestId: string, windowId: string, payload: unknown, messageId?: string) {
  const kind = messageId ? ('followUp' as const) : ('request' as const)
  return sealEnvelope({ requestId, windowId, kind, messageId: messageId ?? requestId, payload, recipients: await testRecipients(windowId) })
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
