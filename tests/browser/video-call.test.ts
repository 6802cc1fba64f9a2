import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningServer } from '../../src/server/node'
import type { Slot } from '../../src/shared/schemas/requests'
import { sealVideoLink } from '../../src/shared/crypto/video-link-seal'
import { jitsiLink } from '../../src/shared/video-link'
import { startTestNodeServer } from '../server/helpers/node-server'
import { launchChromium } from '../tools/chromium'
import { expectNoAxeViolations, PHONE, tabTo } from './booking-helpers'
import { useLanguage } from './helpers/app'
import { bookWithReceipt, writeDatabase } from './helpers/receipt-booking'

vi.setConfig({ testTimeout: 180_000 })

const FAKE_MEDIA = '--use-fake-device-for-media-stream'
const FAKE_CONSENT = '--use-fake-ui-for-media-stream'

let server: RunningServer
let dataDir: string
/** Fake camera and microphone, and the permission prompt answered "allow". */
let allowing: Browser
/** Fake devices but a real permission prompt, which headless Chromium answers "block" unless the context grants it. */
let asking: Browser

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-call-'))
  // The test deployment pins a certification key and certifies a staff key, so bookings can be sealed.
  server = await startTestNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: resolve(import.meta.dirname, '../../dist') })
  allowing = await launchChromium([FAKE_MEDIA, FAKE_CONSENT])
  asking = await launchChromium([FAKE_MEDIA])
})
afterAll(async () => {
  await allowing?.close()
  await asking?.close()
  await server?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** A video booking with a link sealed the way staff seal it (written straight into the database). */
async function videoBooking(): Promise<{ receipt: string; slot: Slot; link: string }> {
  const { receipt, requestId, slot, replyKey } = await bookWithReceipt(server.url, 'video')
  const link = jitsiLink('https://meet.jit.si')
  writeDatabase(dataDir, 'UPDATE requests SET video_envelope = ? WHERE request_id = ?', JSON.stringify(await sealVideoLink(replyKey, requestId, link)), requestId)
  return { receipt, slot: slot!, link }
}

async function openStatus(context: BrowserContext, receipt: string, at: number): Promise<Page> {
  const page = await context.newPage()
  // Time flows from `at` (a fixed clock would stop the timers the level meter runs on).
  await page.clock.install({ time: new Date(at) })
  await page.goto(`${server.url}/status`)
  await page.getByRole('textbox', { name: '受付番号（16けた）' }).fill(receipt)
  await page.getByRole('button', { name: '確かめる' }).click()
  await page.getByRole('heading', { name: 'あなたの予約' }).waitFor({ timeout: 30_000 })
  return page
}

async function expectLivePreview(page: Page) {
  const video = page.locator('main video')
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 }).toBeGreaterThan(0)
  const frames = () => video.evaluate((v: HTMLVideoElement) => ({ paused: v.paused, time: v.currentTime, decoded: v.getVideoPlaybackQuality().totalVideoFrames }))
  const first = await frames()
  await expect.poll(async () => { const now = await frames(); return !now.paused && (now.time > first.time || now.decoded > first.decoded) }, { timeout: 15_000 }).toBe(true)
  // Chromium's fake microphone beeps: the bar moves and the page says the voice comes through.
  const loudest = await page.locator('#call-level').evaluate(
    (meter: HTMLMeterElement) =>
      new Promise<number>((done) => {
        let max = 0
        const timer = setInterval(() => (max = Math.max(max, meter.value)), 50)
        setTimeout(() => (clearInterval(timer), done(max)), 4000)
      }),
  )
  expect(loudest).toBeGreaterThan(0)
  await page.getByRole('status').filter({ hasText: '声が届いています。' }).waitFor({ timeout: 15_000 })
}

describe('/call: カメラとマイクの確かめ', () => {
  it('偽のカメラとマイクで、映像が動き、マイクのバーがのびる（キーボードだけ、axe 0）', async () => {
    const context = await allowing.newContext({ viewport: PHONE, locale: 'ja-JP' })
    const page = await context.newPage()
    await page.goto(`${server.url}/call`)
    await page.getByRole('heading', { name: 'ビデオ通話の準備', level: 1 }).waitFor()
    await expect.poll(() => page.locator('main').textContent()).toContain('映像も声も、録ったり送ったりしません。')
    // Opened directly, not from /status: the check works, but there is no meeting to join.
    await expect.poll(() => page.locator('main').textContent()).toContain('予約の確認の画面から、このページを開いたときに出ます')
    await expectNoAxeViolations(page, '/call before the check')
    const start = page.getByRole('button', { name: 'カメラとマイクを確かめる' })
    await tabTo(page, start)
    await page.keyboard.press('Enter')
    await expectLivePreview(page)
    await expectNoAxeViolations(page, '/call with preview')
    expect(await page.getByRole('link', { name: 'ビデオ通話に参加する' }).count()).toBe(0)

    const cameraOff = page.getByRole('checkbox', { name: 'カメラを切って参加する' })
    await tabTo(page, cameraOff)
    await page.keyboard.press('Space')
    await page.getByText('カメラは切っています。相手には映りません。').waitFor()
    expect(await page.locator('main video').count()).toBe(0)
    // The camera track is only paused while the box is ticked.
    await page.keyboard.press('Space')
    await expect.poll(() => page.locator('main video').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0)
    await context.close()
  })

  it('やさしい日本語と英語でも、同じ確かめができる', async () => {
    for (const [language, button, heard] of [
      ['ja-easy', 'カメラと マイクを たしかめる', 'とどいて います。'],
      ['en', 'Check camera and microphone', 'Your voice is coming through.'],
    ] as const) {
      const context = await allowing.newContext({ viewport: PHONE })
      await useLanguage(context, language)
      const page = await context.newPage()
      await page.goto(`${server.url}/call`)
      await page.getByRole('button', { name: button }).click()
      await page.getByRole('status').filter({ hasText: heard }).waitFor({ timeout: 15_000 })
      await expectNoAxeViolations(page, `/call in ${language}`)
      await context.close()
    }
  })

  it('カメラもマイクも許可されないと、電話番号と「文字で相談する」が出て、予約はそのまま', async () => {
    const context = await asking.newContext({ viewport: PHONE, locale: 'ja-JP', permissions: [] })
    const page = await context.newPage()
    await page.goto(`${server.url}/call`)
    await page.getByRole('button', { name: 'カメラとマイクを確かめる' }).click()
    const fallback = page.getByRole('region', { name: 'カメラとマイクが許可されませんでした' })
    await fallback.waitFor({ timeout: 15_000 })
    await expect.poll(() => fallback.textContent()).toContain('予約は、そのままです。')
    expect(await fallback.getByRole('link', { name: '03-4566-2427' }).getAttribute('href')).toBe('tel:03-4566-2427')
    expect(await fallback.getByRole('link', { name: '文字で相談する' }).getAttribute('href')).toBe('/status')
    expect(await page.locator('main video').count()).toBe(0)
    await expectNoAxeViolations(page, '/call refused')
    await context.close()
  })

  it('カメラだけ使えないと「声だけで参加」になる', async () => {
    const { receipt, slot, link } = await videoBooking()
    const context = await asking.newContext({ viewport: PHONE, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', permissions: ['microphone'] })
    const page = await openStatus(context, receipt, Date.parse(slot.start) - 5 * 60_000)
    await page.getByRole('link', { name: 'ビデオ通話に参加する' }).click()
    await page.getByRole('button', { name: 'カメラとマイクを確かめる' }).click()
    await page.getByRole('status').filter({ hasText: 'カメラは使えませんが、マイクは使えます。' }).waitFor({ timeout: 15_000 })
    const join = page.getByRole('link', { name: '声だけで参加' })
    expect(await join.getAttribute('href')).toBe(`${link}&config.startWithVideoMuted=true&config.startAudioOnly=true`)
    await expectNoAxeViolations(page, '/call voice only')
    await context.close()
  })
})

describe('/status の「ビデオ通話に参加する」', () => {
  it('受付番号を入れた人にだけ、始まる15分前から終わりまで出る。/call へはメモリで渡し、URL にも保存にも残さない', async () => {
    const { receipt, slot, link } = await videoBooking()
    const start = Date.parse(slot.start)
    const context = await allowing.newContext({ viewport: PHONE, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })

    const early = await openStatus(context, receipt, start - 60 * 60_000)
    await early.getByText('「ビデオ通話に参加する」のボタンは、始まる15分前に、ここに出ます。').waitFor()
    expect(await early.getByRole('link', { name: 'ビデオ通話に参加する' }).count()).toBe(0)
    await early.close()

    const after = await openStatus(context, receipt, Date.parse(slot.end) + 60_000)
    expect(await after.getByRole('link', { name: 'ビデオ通話に参加する' }).count()).toBe(0)
    await after.close()

    const page = await openStatus(context, receipt, start - 14 * 60_000)
    const joinFromStatus = page.getByRole('link', { name: 'ビデオ通話に参加する' })
    await tabTo(page, joinFromStatus)
    await page.keyboard.press('Enter')
    await page.waitForURL(`${server.url}/call`)
    await page.getByRole('button', { name: 'カメラとマイクを確かめる' }).click()
    await expectLivePreview(page)
    const join = page.getByRole('link', { name: 'ビデオ通話に参加する' })
    expect(await join.getAttribute('href')).toBe(link)
    await page.getByRole('checkbox', { name: 'カメラを切って参加する' }).check()
    expect(await join.getAttribute('href')).toBe(`${link}&config.startWithVideoMuted=true`)
    await expectNoAxeViolations(page, '/call from /status')

    const roomName = new URL(link).pathname.slice(1)
    const kept = await page.evaluate(() => JSON.stringify({ url: location.href, history: history.state, local: { ...localStorage }, session: { ...sessionStorage } }))
    expect(kept).not.toContain(roomName)
    expect(kept).not.toContain(receipt)

    // A reload forgets the meeting: the button is gone, only the device check remains.
    await page.reload()
    await page.getByRole('heading', { name: 'ビデオ通話の準備', level: 1 }).waitFor()
    await page.getByRole('button', { name: 'カメラとマイクを確かめる' }).click()
    await expectLivePreview(page)
    expect(await page.getByRole('link', { name: 'ビデオ通話に参加する' }).count()).toBe(0)
    await context.close()
  })
})
