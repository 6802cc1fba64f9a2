import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../tools/chromium'
import { checkStatus, expectNoAxeViolations, finishConfirmation, PHONE, readReceipt, shot, walkBooking, watchOrigins } from './booking-helpers'

// axe on nine screens and PBKDF2 twice take a while on a shared machine; nothing here measures time.
vi.setConfig({ testTimeout: 180_000 })
const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser.close()
})

async function phoneContext() {
  return browser.newContext({ viewport: PHONE, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
}

describe('予約の流れ（本物のサーバー）', () => {
  for (const asker of ['family', 'self'] as const) {
    it(`${asker === 'family' ? '家族として' : '本人として'}: フォーム → 受付番号 → /status で予約の時間が見える（axe 0、クッキーなし、外部リクエストなし）`, async () => {
      const context = await phoneContext()
      const foreign = watchOrigins(context, baseUrl)
      const page = await context.newPage()
      await page.goto(`${baseUrl}/book?src=flyer-test`)
      await walkBooking(page, { asker, nickname: asker === 'family' ? 'はは' : 'そら', message: '話を聞いてほしいです', axe: true })

      await page.getByRole('heading', { name: '予約が決まりました' }).waitFor({ timeout: 20_000 })
      await expectNoAxeViolations(page, 'confirmation')
      await shot(page, `${asker}-8-done`)
      const receipt = await readReceipt(page)
      const time = (await page.locator('dt', { hasText: '時間' }).locator('xpath=following-sibling::dd').first().textContent()) ?? ''
      expect(time).toMatch(/^\d{2}:\d{2}〜\d{2}:\d{2}$/)
      expect(page.url()).not.toContain(receipt)

      // Leaving before ticking 「メモしました」 is held back: the button, the back button and links all ask first.
      await page.getByRole('button', { name: '終わる' }).click()
      await expect.poll(() => page.getByText('受付番号をメモしたら、チェックを入れてください').isVisible()).toBe(true)
      const leaveQuestion = page.getByRole('alertdialog', { name: '受付番号をメモしましたか？' })
      await page.goBack()
      await leaveQuestion.waitFor()
      await page.getByRole('button', { name: 'この画面に戻る' }).click()
      await leaveQuestion.waitFor({ state: 'detached' })
      await page.locator('footer nav').getByRole('link', { name: 'トップ' }).click()
      await leaveQuestion.waitFor()
      await page.getByRole('button', { name: 'この画面に戻る' }).click()
      expect(new URL(page.url()).pathname).toBe('/book')
      expect(await readReceipt(page)).toBe(receipt)
      await finishConfirmation(page)
      await page.waitForURL(`${baseUrl}/`)

      await checkStatus(page, baseUrl, receipt)
      await expectNoAxeViolations(page, 'status')
      await shot(page, `${asker}-9-status`)
      const view = page.getByRole('region', { name: 'あなたの予約' })
      await expect.poll(() => view.textContent()).toContain(time)
      await expect.poll(() => view.textContent()).toContain('予約が決まっています')
      expect(page.url()).toBe(`${baseUrl}/status`)

      expect(await context.cookies()).toEqual([])
      expect(foreign).toEqual([])
      const stored = await page.evaluate(async () => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }))
      expect(stored).not.toContain(receipt)
      await context.close()
    })
  }

  it('まちがった受付番号は、知らない番号と同じ「見つかりませんでした」', async () => {
    const context = await phoneContext()
    const page = await context.newPage()
    await page.goto(`${baseUrl}/status`)
    const input = page.getByRole('textbox', { name: '受付番号（16けた）' })
    await input.fill('1234 5678 9012 3456')
    let sent = 0
    page.on('request', (r) => r.url().includes('/api/requests/lookup') && sent++)
    await page.getByRole('button', { name: '確かめる' }).click()
    const described = await input.getAttribute('aria-describedby')
    expect(described).toContain('status-code-error')
    // A valid-looking but unknown code is checked with the server and gets the neutral answer.
    await input.fill('0000 0000 0000 0000')
    await page.getByRole('button', { name: '確かめる' }).click()
    await page.getByRole('alert').filter({ hasText: 'この番号の予約は見つかりませんでした' }).waitFor({ timeout: 20_000 })
    expect(sent).toBe(1)
    await context.close()
  })
})
