import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushCounts, recordCount } from '@/lib/count-outbox'
import { todayInTokyo } from '@/server/slots/generate-slots'
import { startInProcessServer } from '../features/booking/in-process-server'
import { renderRoute } from '../helpers/render-route'

vi.setConfig({ testTimeout: 30_000 })

let server: Awaited<ReturnType<typeof startInProcessServer>>
beforeEach(async () => {
  server = await startInProcessServer()
  for (const code of ['flyer-x', 'flyer-y']) {
    await server.store.campaigns.create(code, 'toshima', { targetPath: '/book', language: 'ja', label: 'テスト' }, todayInTokyo(new Date()))
  }
})
afterEach(async () => {
  await flushCounts().catch(() => undefined)
  server.close()
})

const counts = async (code: string) => (await server.store.campaigns.funnel('toshima', '2000-01-01', '2100-01-01')).filter((row) => row.campaign === code)
const metricPosts = () => server.requests.filter((r) => r === 'POST /api/metrics').length

describe('数の送信待ち（オフライン）', () => {
  it('オフラインの数は端末で待ち、つながったら一度だけ送る。その日の日付のまま', async () => {
    server.setOnline(false)
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000)
    await recordCount('flyer-x', 'scan', twoDaysAgo)
    expect(await counts('flyer-x')).toEqual([])
    server.setOnline(true)
    expect(await flushCounts()).toBe(0)
    expect(await flushCounts()).toBe(0)
    expect(await counts('flyer-x')).toEqual([{ campaign: 'flyer-x', event: 'scan', day: todayInTokyo(twoDaysAgo), count: 1 }])
    expect(metricPosts()).toBe(2)
  })

  it('/book?src= を開くと「フォームを開いた」を、そのキャンペーンに1つだけ数える', async () => {
    await renderRoute('/book?src=flyer-y')
    expect(await screen.findByRole('heading', { level: 1 }, { timeout: 15_000 })).toBeInTheDocument()
    await vi.waitFor(async () => expect(await counts('flyer-y')).toEqual([{ campaign: 'flyer-y', event: 'form-open', day: todayInTokyo(new Date()), count: 1 }]))
    expect(await counts('flyer-x')).toEqual([])
  })
})
