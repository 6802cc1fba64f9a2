import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSlots, postJson, type ApiTarget } from './contract/target'
import { makeBooking } from './helpers/make-request'
import { startNodeApp } from './helpers/node-app'
import { startWorkerd, WORKERD_START_MS } from './helpers/workerd'

/** Requests stored per window and Tokyo day, all clients together (WINDOW_REQUESTS_PER_DAY). */
function quotaContract(getTarget: () => ApiTarget) {
  it('窓口ごとの 1 日の受付が上限に達すると 429 windowFull と明日までの Retry-After。枠は取られず、ほかの窓口は受け付ける', async () => {
    const target = getTarget()
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await postJson(target, '/api/requests', (await makeBooking({ mode: 'letter' })).body)).status)
    expect(statuses).toEqual([201, 201, 201])
    const [slot] = await openSlots(target, 'toshima', 'phone')
    const full = await postJson(target, '/api/requests', (await makeBooking({ slotId: slot!.id })).body)
    expect([full.status, await full.json()]).toEqual([429, { error: 'errors.windowFull' }])
    const retryAfter = Number(full.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(86_400)
    expect((await openSlots(target, 'toshima', 'phone')).map((s) => s.id)).toContain(slot!.id)
    const elsewhere = await postJson(target, '/api/requests', (await makeBooking({ windowId: 'bunkyo', mode: 'letter' })).body)
    expect(elsewhere.status).toBe(201)
  })

  it('上限に達したあとでも、すでに受け付けた相談を送り直すと（201 が届かなかった送信箱の再送）最初と同じ 201。新しい相談は 429 のまま', async () => {
    const target = getTarget()
    let last: { body: unknown; answer: string } | null = null
    for (let i = 0; i < 5; i++) {
      const booking = await makeBooking({ windowId: 'bunkyo', mode: 'letter' })
      const response = await postJson(target, '/api/requests', booking.body)
      if (response.status !== 201) break
      last = { body: booking.body, answer: await response.text() }
    }
    expect(last).not.toBeNull()
    const resent = await postJson(target, '/api/requests', last!.body)
    expect([resent.status, await resent.text()]).toEqual([201, last!.answer])
    const fresh = await postJson(target, '/api/requests', (await makeBooking({ windowId: 'bunkyo', mode: 'letter' })).body)
    expect([fresh.status, await fresh.json()]).toEqual([429, { error: 'errors.windowFull' }])
  })
}

describe('Node: 窓口ごとの 1 日の上限（3 件に設定）', () => {
  let node: Awaited<ReturnType<typeof startNodeApp>>
  beforeAll(async () => {
    node = await startNodeApp({ windowRequestsPerDay: 3 })
  })
  afterAll(() => node.close())
  quotaContract(() => node.target)
})

describe('workerd: 窓口ごとの 1 日の上限（WINDOW_REQUESTS_PER_DAY=3）', { timeout: 30_000 }, () => {
  let workerd: Awaited<ReturnType<typeof startWorkerd>>
  beforeAll(async () => {
    workerd = await startWorkerd({ rateLimitPerMinute: 100_000, vars: { WINDOW_REQUESTS_PER_DAY: '3' } })
  }, WORKERD_START_MS)
  afterAll(async () => workerd?.close(), 30_000)
  quotaContract(() => workerd.target)
})
