import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSlots, postJson } from './contract/target'
import { makeBooking } from './helpers/make-request'
import { startWorkerd, WORKERD_START_MS } from './helpers/workerd'

let workerd: Awaited<ReturnType<typeof startWorkerd>>
beforeAll(async () => {
  workerd = await startWorkerd()
}, WORKERD_START_MS)
afterAll(async () => workerd?.close(), 30_000)

describe('workerd: wrangler.jsonc のままの回数制限（rate-limit binding）', () => {
  it('同じ相手からの匿名 POST は 1 分に 30 件まで、超えると 429・Retry-After・エラーキー。読むだけの GET は止めない', async () => {
    const statuses: number[] = []
    let refused: Response | undefined
    for (let i = 0; i < 31; i++) {
      const response = await postJson(workerd.target, '/api/metrics', { campaign: 'flyer-1', event: 'scan' })
      statuses.push(response.status)
      if (response.status === 429) refused = response
      else await response.body?.cancel()
    }
    expect(statuses.slice(0, 30).every((s) => s === 204)).toBe(true)
    expect(statuses[30]).toBe(429)
    expect(refused?.headers.get('retry-after')).toBe('60')
    expect(await refused?.json()).toEqual({ error: 'errors.tooManyRequests' })
    expect((await workerd.target.fetch('/api/config')).status).toBe(200)
  })
})

describe('workerd: 1 日に取れる枠と、欠けた秘密', () => {
  it('同じ相手が取れる枠は 1 日 4 つまで（D1 に塩付きハッシュで数える）', async () => {
    const slots = await openSlots(workerd.target, 'toshima', 'phone')
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const booking = await makeBooking({ slotId: slots[i]!.id })
      statuses.push((await postJson(workerd.target, '/api/requests', booking.body)).status)
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429])
  })

  it('RATE_LIMIT_SALT がないと API は 503 errors.misconfigured で断り、空の塩で数えはしない', async () => {
    const bare = await startWorkerd({ vars: { RATE_LIMIT_SALT: '' } })
    try {
      const response = await postJson(bare.target, '/api/metrics', { campaign: 'flyer-1', event: 'scan' })
      expect([response.status, await response.json()]).toEqual([503, { error: 'errors.misconfigured' }])
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    } finally {
      await bare.close()
    }
  }, WORKERD_START_MS)
})
