import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postJson } from './contract/target'
import { startWorkerd, WORKERD_START_MS } from './helpers/workerd'

let workerd: Awaited<ReturnType<typeof startWorkerd>>
beforeAll(async () => {
  workerd = await startWorkerd({
    rateLimitPerMinute: 100_000,
    seed: [
      "INSERT INTO campaigns (code, window_id, target_path, language, label, created_on) VALUES ('kuho-easy', 'toshima', '/map?kind=family', 'ja-easy', '区報', '2026-06-01')",
      "INSERT INTO campaigns (code, window_id, target_path, language, label, created_on, retired_at) VALUES ('old', 'toshima', '/book', 'ja', '古いチラシ', '2025-06-01', '2025-12-01T00:00:00Z')",
    ],
  })
}, WORKERD_START_MS)
afterAll(async () => workerd?.close(), 30_000)

describe('workerd + D1: 短いリンクと数（0009 の移行が D1 でも動く）', () => {
  it('生きているキャンペーンは行き先へ（言語つき）、終わった・知らないコードはトップへ', async () => {
    const live = await workerd.target.fetch('/q/kuho-easy', { redirect: 'manual' })
    expect(live.status).toBe(302)
    expect(live.headers.get('location')).toBe('/easy/map?kind=family&src=kuho-easy')
    for (const code of ['old', 'unknown', 'BAD!']) {
      const answer = await workerd.target.fetch(`/q/${code}`, { redirect: 'manual' })
      expect(answer.status, code).toBe(302)
      expect(new URL(answer.headers.get('location') ?? '', 'http://x').pathname, code).toBe('/')
    }
  })

  it('フォームを開いた数は 204、おかしな本文は 4xx', async () => {
    expect((await postJson(workerd.target, '/api/metrics', { campaign: 'kuho-easy', event: 'form-open' })).status).toBe(204)
    expect((await postJson(workerd.target, '/api/metrics', { campaign: 'kuho-easy', event: 'form-open', day: 'yesterday' })).status).toBe(400)
  })
})
