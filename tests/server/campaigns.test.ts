import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../src/server/store/libsql-driver'
import { todayInTokyo } from '../../src/server/slots/generate-slots'
import { newCampaignCode } from '../../src/server/campaigns/campaign-store'
import { postJson } from './contract/target'
import { makeBooking } from './helpers/make-request'
import { startNodeApp } from './helpers/node-app'

const UA = 'Mozilla/5.0 (TSUNAGU-UA-MARKER; Android 14) Mobile Safari/537.36'
const IP = '203.0.113.77'
const PHONE_HEADERS = { 'user-agent': UA, 'x-forwarded-for': IP, 'x-real-ip': IP, 'cf-connecting-ip': IP }

let node: Awaited<ReturnType<typeof startNodeApp>>
beforeEach(async () => {
  node = await startNodeApp()
})
afterEach(() => node.close())

const today = () => todayInTokyo(new Date())

async function addCampaign(code: string, targetPath = '/book?window=toshima', language: 'ja' | 'ja-easy' | 'en' = 'ja') {
  return node.store.campaigns.create(code, 'toshima', { targetPath, language, label: '2026年6月 区報特集号' }, today())
}

async function counts(): Promise<Array<Record<string, unknown>>> {
  return node.driver.all({ sql: 'SELECT campaign, event, day, count FROM metrics ORDER BY campaign, event, day', args: [] })
}

const scan = (code: string, method = 'GET') => node.app.request(`/q/${code}`, { method, headers: PHONE_HEADERS })

describe('短いリンク /q/<code>', () => {
  it('1回のスキャンで、ちょうど1つ数え、言語を保ったまま行き先へ（キャッシュさせない）', async () => {
    await addCampaign('kuho-2026-06', '/book?window=toshima', 'en')
    const response = await scan('kuho-2026-06')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/en/book?window=toshima&src=kuho-2026-06')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await counts()).toEqual([{ campaign: 'kuho-2026-06', event: 'scan', day: today(), count: 1 }])
    await scan('kuho-2026-06')
    expect((await counts())[0]?.count).toBe(2)
  })

  it('日本語のチラシは言語のない URL へ。HEAD（リンクの確認）は数えない', async () => {
    await addCampaign('station', '/who-can-consult')
    const head = await scan('station', 'HEAD')
    expect(head.headers.get('location')).toBe('/who-can-consult?src=station')
    expect(await counts()).toEqual([])
  })

  it('やさしい日本語のトップは /easy、言語つきで書いた行き先はチラシの言語に直す', async () => {
    await addCampaign('easy-home', '/', 'ja-easy')
    expect((await scan('easy-home', 'HEAD')).headers.get('location')).toBe('/easy?src=easy-home')
    await addCampaign('typed-en', '/en/map?kind=family&lang=en', 'ja-easy')
    expect((await scan('typed-en', 'HEAD')).headers.get('location')).toBe('/easy/map?kind=family&src=typed-en')
  })

  it('知らないコード・形のおかしいコード・終わったキャンペーンはトップページへ（エラーにしない、数えない）', async () => {
    await addCampaign('old-flyer')
    expect(await node.store.campaigns.retire('toshima', 'old-flyer', new Date().toISOString())).toBe(true)
    for (const code of ['old-flyer', 'nosuchcode', 'UPPER', '%E3%81%82', 'a'.repeat(40), "x'--"]) {
      const response = await scan(code)
      expect(response.status, code).toBe(302)
      expect(response.headers.get('location'), code).toBe('/')
    }
    expect(await counts()).toEqual([])
  })

  it('コードは 8 文字、まぎらわしい文字なし', () => {
    for (let i = 0; i < 100; i++) expect(newCampaignCode()).toMatch(/^[a-hjkmnp-z2-9]{8}$/)
  })
})

describe('流れ: スキャン → フォームを開いた → 送った（キャンペーンごと、日ごと）', () => {
  it('フォームを開いた数と送った数を、正しいキャンペーンにだけ数える', async () => {
    await addCampaign('flyer-a')
    await addCampaign('flyer-b')
    await scan('flyer-a')
    expect((await postJson(node.target, '/api/metrics', { campaign: 'flyer-a', event: 'form-open' }, PHONE_HEADERS)).status).toBe(204)
    const booking = await makeBooking()
    expect((await postJson(node.target, '/api/requests', { ...booking.body, campaign: 'flyer-a' }, PHONE_HEADERS)).status).toBe(201)
    // The same request delivered again (an outbox retry) is not a second submission.
    expect((await postJson(node.target, '/api/requests', { ...booking.body, campaign: 'flyer-a' }, PHONE_HEADERS)).status).toBe(201)
    // A request naming an unknown campaign is booked and counts nothing.
    const other = await makeBooking()
    expect((await postJson(node.target, '/api/requests', { ...other.body, campaign: 'not-a-flyer' })).status).toBe(201)
    expect(await counts()).toEqual([
      { campaign: 'flyer-a', event: 'form-open', day: today(), count: 1 },
      { campaign: 'flyer-a', event: 'scan', day: today(), count: 1 },
      { campaign: 'flyer-a', event: 'submitted', day: today(), count: 1 },
    ])
    expect(await node.store.campaigns.funnel('toshima', today(), today())).toHaveLength(3)
    expect(await node.store.campaigns.funnel('bunkyo', today(), today())).toEqual([])
  })

  it('オフラインで待っていた数は、その日（1週間以内）に入る。未来や古すぎる日は今日', async () => {
    await addCampaign('late')
    const day = (offset: number) => todayInTokyo(new Date(Date.now() + offset * 86_400_000))
    for (const claimed of [day(-2), day(3), day(-30)]) {
      expect((await postJson(node.target, '/api/metrics', { campaign: 'late', event: 'scan', day: claimed })).status).toBe(204)
    }
    expect(await counts()).toEqual([
      { campaign: 'late', event: 'scan', day: day(-2), count: 1 },
      { campaign: 'late', event: 'scan', day: today(), count: 2 },
    ])
  })

  it('おかしな送り方は 4xx と i18n キー。知らないコードも 204（どのコードがあるかを教えない）', async () => {
    expect((await postJson(node.target, '/api/metrics', { campaign: 'nope', event: 'scan' })).status).toBe(204)
    for (const body of [{ campaign: 'late', event: 'clicked' }, { campaign: 'BAD!', event: 'scan' }, { campaign: 'late', event: 'scan', day: '2026-13-40' }, 'not json']) {
      const response = await postJson(node.target, '/api/metrics', body)
      expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
      expect(((await response.json()) as { error: string }).error).toMatch(/^errors\./)
    }
    expect(await counts()).toEqual([])
  })
})

describe('数と予約は結びつかない', () => {
  it('実行のあと、データベースのファイル（WAL も）に IP アドレスもユーザーエージェントもない', async () => {
    await addCampaign('bytes')
    await scan('bytes')
    await postJson(node.target, '/api/metrics', { campaign: 'bytes', event: 'form-open' }, PHONE_HEADERS)
    const booking = await makeBooking()
    expect((await postJson(node.target, '/api/requests', { ...booking.body, campaign: 'bytes' }, PHONE_HEADERS)).status).toBe(201)
    const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((name) => join(node.dataDir, name)).filter((path) => existsSync(path))
    const bytes = Buffer.concat(files.map((path) => readFileSync(path)))
    // Control: the campaign code is stored, so the search reads the right files.
    expect(bytes.includes(Buffer.from('bytes'))).toBe(true)
    for (const needle of [IP, 'TSUNAGU-UA-MARKER', 'Mozilla/5.0', 'Android 14']) {
      for (const encoding of ['utf8', 'utf16le'] as const) expect(bytes.includes(Buffer.from(needle, encoding)), `${needle} ${encoding}`).toBe(false)
    }
  })

  it('数の表は (campaign, event, day, count) だけ: 予約の表と同じ列も、日より細かい時刻もない', async () => {
    await addCampaign('join')
    await scan('join')
    const columns = async (table: string) => (await node.driver.all({ sql: `PRAGMA table_info(${table})`, args: [] })).map((c) => String(c.name))
    const metrics = await columns('metrics')
    expect(metrics.sort()).toEqual(['campaign', 'count', 'day', 'event'])
    for (const table of ['requests', 'messages', 'slots']) {
      expect((await columns(table)).filter((c) => metrics.includes(c)), table).toEqual([])
    }
    for (const row of await counts()) expect(String(row.day)).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})
