import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Language } from '../../src/lib/languages'
import { launchChromium } from '../tools/chromium'
import { newAppContext, openPage, useLanguage } from './helpers/app'

/** The device is in New York: the status must still follow the window's clock in Tokyo. */
const DEVICE_TIME_ZONE = 'America/New_York'

describe('電話の受付状況（東京時間）', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  /** Opens the home page with the clock at a Tokyo time and reads it once the status is worked out. */
  async function readAt<T>(tokyoTime: string, language: Language, read: (page: Page) => Promise<T>): Promise<T> {
    const context = await newAppContext(browser, { timezoneId: DEVICE_TIME_ZONE, serviceWorkers: 'block' })
    try {
      await useLanguage(context, language)
      const page = await context.newPage()
      await page.clock.setFixedTime(new Date(tokyoTime))
      await openPage(page, '/')
      const device = await page.evaluate(() => ({
        zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        hours: new Date().getHours(),
      }))
      expect(device.zone).toBe(DEVICE_TIME_ZONE)
      expect(device.hours).not.toBe(Number(tokyoTime.slice(11, 13)))
      // Pre-rendered pages show the hours until the device has worked out the status.
      await page.locator('main [data-state]:not([data-state="unknown"]) [role="status"]').waitFor()
      return await read(page)
    } finally {
      await context.close()
    }
  }

  const statusAt = (tokyoTime: string, language: Language = 'ja') =>
    readAt(tokyoTime, language, async (page) => ((await page.locator('main [data-state] [role="status"]').textContent()) ?? '').trim())

  /** The call link's fill and the number on it, as a reader sees them. */
  const callLinkAt = (tokyoTime: string) =>
    readAt(tokyoTime, 'ja', async (page) => {
      const link = page.locator('main').getByRole('link', { name: /電話する/ })
      return { background: await link.evaluate((el) => getComputedStyle(el).backgroundColor), text: (await link.textContent()) ?? '' }
    })

  it('平日 10:00 は「いま電話がつながります」', async () => {
    expect(await statusAt('2026-11-24T10:00:00+09:00')).toBe('いま電話がつながります（17:15まで）')
  })

  it('平日 18:00 は受付時間外で、次は明日 8:30', async () => {
    expect(await statusAt('2026-11-24T18:00:00+09:00')).toBe('いまは受付時間外です。次は 明日（水曜）8:30 から')
  })

  it('金曜 18:00 は、次は月曜 8:30', async () => {
    expect(await statusAt('2026-11-27T18:00:00+09:00')).toBe('いまは受付時間外です。次は 月曜 8:30 から')
  })

  it('祝日（2026-11-23 勤労感謝の日）10:00 は休みで、次は火曜 8:30', async () => {
    expect(await statusAt('2026-11-23T10:00:00+09:00')).toBe('いまは受付時間外です。次は 明日（火曜）8:30 から')
  })

  it('12月31日 10:00 は年末年始の休みで、次は 1月4日', async () => {
    expect(await statusAt('2026-12-31T10:00:00+09:00')).toBe('いまは受付時間外です。次は 1月4日（月曜）8:30 から')
  })

  it('東京の 8:29 はまだ受付前、8:30 からつながる', async () => {
    expect(await statusAt('2026-11-24T08:29:00+09:00')).toBe('いまは受付時間外です。次は 今日 8:30 から')
    expect(await statusAt('2026-11-24T08:30:00+09:00')).toBe('いま電話がつながります（17:15まで）')
  })

  it('英語でも同じ時刻にもとづく', async () => {
    expect(await statusAt('2026-11-24T10:00:00+09:00', 'en')).toBe('Phone lines are open now (until 17:15)')
    expect(await statusAt('2026-11-24T18:00:00+09:00', 'en')).toBe('The phone is closed now. It opens tomorrow (Wednesday) at 8:30')
    expect(await statusAt('2026-12-31T10:00:00+09:00', 'en')).toBe('The phone is closed now. It opens on Monday 4 January at 8:30')
  })

  it('「電話する」は、つながる時間だけ緑で塗る。時間外は枠だけで、番号はいつも見える', async () => {
    const open = await callLinkAt('2026-11-24T10:00:00+09:00')
    const closed = await callLinkAt('2026-11-24T18:00:00+09:00')
    expect(open.text).toContain('03-')
    expect(closed.text).toBe(open.text)
    expect(open.background).toMatch(/^rgb\(\d+, \d+, \d+\)$/)
    expect(closed.background).toBe('rgba(0, 0, 0, 0)')
  })
})
