import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createInvite } from '../../src/server/staff/invites'
import { modeAvailabilitySchema } from '../../src/shared/schemas/availability'
import { encryptReply } from '../../src/shared/crypto/reply'
import { sealVideoLink } from '../../src/shared/crypto/video-link-seal'
import { generateRecipientKeyPair } from '../../src/shared/crypto/window-keys'
import { openSlots, postJson } from './contract/target'
import { expectErrorAnswer, hostileValue } from './helpers/hostile'
import { makeBooking, sealTestEnvelope } from './helpers/make-request'
import { startNodeApp } from './helpers/node-app'
import { snapshotTables } from './helpers/snapshot'
import { StaffClient } from './helpers/staff-client'

let node: Awaited<ReturnType<typeof startNodeApp>>
let admin: StaffClient
let valid: Record<string, Record<string, unknown>>
let before: Record<string, unknown[]>
let inviteToken = ''
const logged: string[] = []
const availabilityPath = '/api/staff/windows/toshima/availability/phone'

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')))
  }
  node = await startNodeApp()
  admin = await StaffClient.create(node.target, 'http://localhost')
  const { token } = await createInvite(node.store, { windowId: 'toshima', role: 'admin' }, new Date(), 'http://localhost')
  inviteToken = token
  expect((await admin.join(token, 'かんりしゃ')).status).toBe(201)
  const booking = await makeBooking()
  await postJson(node.target, '/api/requests', booking.body)
  const base = `/api/staff/windows/toshima/cases/${booking.requestId}`
  const messageId = crypto.randomUUID()
  const pair = await generateRecipientKeyPair()
  // Bodies that would be accepted as they are: the fuzzers break them, never send them whole.
  valid = {
    '/api/staff/invites/info': { token: token },
    '/api/staff/invites/register-options': { token, displayName: 'x' },
    '/api/staff/invites/register': { token, displayName: 'x', response: { id: 'abc', rawId: 'abc', type: 'public-key', response: {} } },
    '/api/staff/login': { challengeId: 'abcdefghij', response: { id: 'abc', rawId: 'abc', type: 'public-key', response: {} } },
    '/api/staff/keys': { windowId: 'toshima', publicKey: pair.publicKey },
    [`${base}/replies`]: { messageId, envelope: await encryptReply(Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url'), { v: 1, text: 'x', writtenAt: new Date().toISOString() }, { requestId: booking.requestId, messageId }) },
    [`${base}/notes`]: { messageId, envelope: await sealTestEnvelope(booking.requestId, 'toshima', { v: 1, text: 'x' }, messageId) },
    [`${base}/status`]: { status: 'contacted' },
    [`${base}/video`]: { video: await sealVideoLink(Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url'), booking.requestId, 'https://meet.example.jp/a') },
    [`${base}/move`]: { slotId: (await openSlots(node.target, 'toshima', 'phone'))[0]?.id },
    '/api/staff/windows/toshima/invites': { role: 'staff' },
    '/api/staff/windows/toshima/keys/abcdefghij/certificate': { v: 1, issuedAt: new Date().toISOString(), signature: 'A'.repeat(86) },
    [availabilityPath]: { rules: [{ days: ['mon'], from: '09:00', to: '12:00', minutes: 50, buffer: 10 }], closedDates: [], specialDays: [], noticeHours: 2, horizonDays: 14 },
    '/api/staff/windows/toshima/availability/cancel': { kind: 'slot', slotId: 'toshima-phone-20991231-0900', reason: 'closure' },
    '/api/staff/windows/toshima/availability/release': { requestIds: [crypto.randomUUID()] },
  }
  before = await snapshotTables(node.driver)
})
afterAll(() => {
  node.close()
  vi.restoreAllMocks()
})
afterEach(async () => {
  expect(await snapshotTables(node.driver)).toEqual(before)
})

const paths = () => Object.keys(valid)

async function send(path: string, body: string | Uint8Array<ArrayBuffer>, contentType = 'application/json') {
  const real = await node.target.fetch(path, { method: 'POST', headers: { 'content-type': contentType, origin: admin.origin, cookie: admin.cookie }, body })
  expectErrorAnswer(real.status, await real.json())
}

describe('fuzzing: 職員の API（サインインした管理者として）', { timeout: 120_000 }, () => {
  it('どの POST も、フィールドを壊した本文には 4xx とエラーキーで答え、保存済みの行は変わらない', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths()), fc.nat(), hostileValue, async (path, pick, value) => {
        const body = structuredClone(valid[path] as Record<string, unknown>)
        const keys = Object.keys(body)
        const key = keys[pick % keys.length] as string
        fc.pre(!(key === 'video' && value === null))
        body[key] = value
        // An empty list or a small number can be a valid setting: only broken settings are fuzzed.
        fc.pre(!(path === availabilityPath && modeAvailabilitySchema.safeParse(body).success))
        await send(path, JSON.stringify(body))
      }),
      { numRuns: 200 },
    )
  })

  it('壊れた JSON・任意のバイト列・深い入れ子・大きすぎる本文にも 4xx', async () => {
    const raw = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `{${s}`),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => new Uint8Array(bytes)),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.integer({ min: 10, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
      fc.integer({ min: 65_537, max: 200_000 }).map((n) => `{"token":"${'x'.repeat(n)}"}`),
    )
    await fc.assert(fc.asyncProperty(fc.constantFrom(...paths()), raw, async (path, body) => send(path, body)), { numRuns: 150 })
  })

  it('URL の窓口 id・相談 id・鍵 id が壊れていても 4xx', async () => {
    const bad = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom('..', '%00', "' OR 1=1 --", '<script>'))
    await fc.assert(
      fc.asyncProperty(bad, bad, fc.constantFrom('cases', 'members', 'keys', 'availability'), async (windowId, id, what) => {
        const path = `/api/staff/windows/${encodeURIComponent(windowId)}/${what}/${encodeURIComponent(id)}`
        const read = await node.target.fetch(path, { headers: { cookie: admin.cookie } })
        expectErrorAnswer(read.status, await read.json())
        await send(`${path}/status`, JSON.stringify({ status: 'closed' }))
        if (what === 'cases') await send(`${path}/move`, JSON.stringify({ slotId: 'toshima-phone-20990101-0900' }))
      }),
      { numRuns: 100 },
    )
  })

  it('どの失敗も、名前・招待の鍵・セッションを記録に残さない', () => {
    const secrets = [inviteToken, 'かんりしゃ', admin.cookie.split('=')[1] ?? '']
    expect(logged.filter((line) => secrets.some((secret) => secret && line.includes(secret)))).toEqual([])
  })
})
