import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { READ_CACHE_TTL_MS } from '../../src/server/abuse/read-cache'
import { certifiedStaffKey } from '../helpers/test-deployment'
import { memoryRateLimiter } from '../../src/server/http/rate-limit'
import { openSlots, postJson } from './contract/target'
import { makeBooking, testWindows } from './helpers/make-request'
import { startNodeApp } from './helpers/node-app'

// The outbox sends a request again when its answer never arrived (the server was killed after the
// commit, the connection died). Whatever changed in between, the resend must get the first 201:
// anything else makes the device drop or bounce a request the window already holds, and the person
// books a second time. (tests/reliability/outbox-sigkill.ts drives this through Chromium.)
describe('送信箱の再送: 201 が届かなかった相談を送り直す', () => {
  let node: Awaited<ReturnType<typeof startNodeApp>>
  // Later, as the device resends: past the public reads' cache, which a key added by another process misses.
  let later = 0
  beforeAll(async () => {
    node = await startNodeApp({ now: () => new Date(Date.now() + later) })
  })
  afterAll(() => node.close())

  it('そのあいだに窓口の鍵が変わっても（職員の鍵が 1 本ふえた）、最初と同じ 201。新しい相談は 409 recipientsChanged', async () => {
    const first = await makeBooking({ windowId: 'bunkyo', mode: 'letter' })
    const answered = await postJson(node.target, '/api/requests', first.body)
    expect(answered.status).toBe(201)
    const answer = await answered.text()

    const { test } = await testWindows()
    await node.store.addWindowKey((await certifiedStaffKey(test.keys.get('bunkyo')!.certification, 'bunkyo')).key)
    later = READ_CACHE_TTL_MS + 1000

    const resent = await postJson(node.target, '/api/requests', first.body)
    expect([resent.status, await resent.text()]).toEqual([201, answer])
    const fresh = await postJson(node.target, '/api/requests', (await makeBooking({ windowId: 'bunkyo', mode: 'letter' })).body)
    expect([fresh.status, await fresh.json()]).toEqual([409, { error: 'errors.recipientsChanged' }])
  })
})

describe('送信箱の再送: その予約で 1 日の上限に達していたとき', () => {
  let node: Awaited<ReturnType<typeof startNodeApp>>
  beforeAll(async () => {
    // One client (every request from the same address), one slot and three requests a day.
    const rateLimiter = memoryRateLimiter({ limit: 1000, windowMs: 60_000, perDay: { slot: 1, request: 3 }, clientAddress: () => '203.0.113.7' })
    node = await startNodeApp({ rateLimiter })
  })
  afterAll(() => node.close())

  it('枠の予約の再送は最初と同じ 201（翌日まで待たされない）。新しい予約は 429 dailyLimit', async () => {
    const [first, second] = await openSlots(node.target, 'toshima', 'phone')
    const booking = await makeBooking({ slotId: first!.id })
    const answered = await postJson(node.target, '/api/requests', booking.body)
    expect(answered.status).toBe(201)
    const answer = await answered.text()

    // The 201 was lost; the outbox sends the same request again (postJson solves a fresh proof).
    const resent = await postJson(node.target, '/api/requests', booking.body)
    expect([resent.status, await resent.text()]).toEqual([201, answer])

    const another = await postJson(node.target, '/api/requests', (await makeBooking({ slotId: second!.id })).body)
    expect(another.status).toBe(429)
    expect(await another.json()).toEqual({ error: 'errors.dailyLimit' })
    expect(Number(another.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('再送は 1 日の件数に数えない。上限に達してから、ちがう中身を同じ ID で送ると 409', async () => {
    // The slot booking above used one of the three requests; this one is the second.
    const letter = await makeBooking({ windowId: 'bunkyo', mode: 'letter' })
    const stored = await postJson(node.target, '/api/requests', letter.body)
    expect(stored.status).toBe(201)
    expect((await postJson(node.target, '/api/requests', letter.body)).status).toBe(201)
    // Had the resend counted, this third request would be refused.
    expect((await postJson(node.target, '/api/requests', (await makeBooking({ windowId: 'bunkyo', mode: 'letter' })).body)).status).toBe(201)
    expect((await postJson(node.target, '/api/requests', (await makeBooking({ windowId: 'bunkyo', mode: 'letter' })).body)).status).toBe(429)
    // Over the cap, a request id already stored with another body is still a conflict, not a free pass.
    const forged = await makeBooking({ windowId: 'bunkyo', mode: 'letter' })
    const reused = await postJson(node.target, '/api/requests', { ...forged.body, requestId: letter.body.requestId, envelope: { ...forged.body.envelope, requestId: letter.body.requestId } })
    expect(reused.status).toBe(409)
  })
})
