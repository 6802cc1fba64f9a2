import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postJson } from './contract/target'
import { startWorkerd } from './helpers/workerd'

let workerd: Awaited<ReturnType<typeof startWorkerd>>
beforeAll(async () => {
  workerd = await startWorkerd()
}, 90_000)
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
