import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startNodeServer, type RunningServer } from '../../src/server/node'
import { todayInTokyo } from '../../src/server/slots/generate-slots'
import { launchChromium } from '../tools/chromium'
import { PHONE } from './booking-helpers'
import { waitForApp, waitForServiceWorker } from './helpers/app'

vi.setConfig({ testTimeout: 180_000 })

let server: RunningServer
let dataDir: string
let browser: Browser

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-qr-'))
  server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: resolve(import.meta.dirname, '../../dist') })
  const today = todayInTokyo(new Date())
  await server.store.campaigns.create('kuho-en', 'toshima', { targetPath: '/book?window=toshima', language: 'en', label: '区報 英語版' }, today)
  await server.store.campaigns.create('poster', 'toshima', { targetPath: '/who-can-consult', language: 'ja', label: '駅のポスター' }, today)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const funnel = async (campaign: string) =>
  Object.fromEntries((await server.store.campaigns.funnel('toshima', '2000-01-01', '2100-01-01')).filter((r) => r.campaign === campaign).map((r) => [r.event, r.count]))

describe('チラシの短いリンク（本物のサーバーと Chromium）', () => {
  it('英語のチラシ: スキャン1つ、英語の予約フォーム、フォームを開いた1つ', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ja-JP' })
    const page = await context.newPage()
    await page.goto(`${server.url}/q/kuho-en`)
    await page.getByRole('heading', { level: 1, name: 'Book a consultation' }).waitFor({ timeout: 20_000 }).catch(async () => {
      throw new Error(`landed on ${page.url()} with heading ${await page.locator('main h1').textContent()}`)
    })
    const landed = new URL(page.url())
    expect(landed.pathname + landed.search).toBe('/en/book?window=toshima&src=kuho-en')
    await expect.poll(() => funnel('kuho-en'), { timeout: 15_000 }).toEqual({ scan: 1, 'form-open': 1 })
    expect(await context.cookies()).toEqual([])
    await context.close()
  })

  it('日本語のポスター → 「だれが相談できるの」から予約へ進んでも、同じキャンペーンで数える', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ja-JP' })
    const page = await context.newPage()
    await page.goto(`${server.url}/q/poster`)
    await waitForApp(page)
    expect(new URL(page.url()).search).toBe('?src=poster')
    await page.locator('main').getByRole('link', { name: 'ニックネームで予約する' }).first().click()
    await page.waitForURL(/\/book/)
    await expect.poll(() => funnel('poster'), { timeout: 15_000 }).toEqual({ scan: 1, 'form-open': 1 })
    await context.close()
  })

  it('オフラインでスキャンすると、トップページが開き、スキャンは端末で待って、つながったら一度だけ数える', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ja-JP' })
    const page = await context.newPage()
    await page.goto(`${server.url}/`)
    await waitForServiceWorker(page)
    const before = (await funnel('poster')).scan ?? 0
    await context.setOffline(true)
    await page.goto(`${server.url}/q/poster`)
    await waitForApp(page)
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/?src=poster')
    expect((await funnel('poster')).scan ?? 0).toBe(before)
    await context.setOffline(false)
    await page.reload()
    await waitForApp(page)
    await expect.poll(async () => (await funnel('poster')).scan, { timeout: 15_000 }).toBe(before + 1)
    await page.reload()
    await waitForApp(page)
    await page.waitForTimeout(1500)
    expect((await funnel('poster')).scan).toBe(before + 1)
    await context.close()
  })

  it('知らないコードはトップページ（エラーにしない）', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ja-JP' })
    const page = await context.newPage()
    const response = await page.goto(`${server.url}/q/no-such-flyer`)
    expect(response?.status()).toBe(200)
    expect(new URL(page.url()).pathname).toBe('/')
    await context.close()
  })
})
