import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../tools/chromium'
import { PHONE, readReceipt, tabTo } from './booking-helpers'

vi.setConfig({ testTimeout: 180_000 })
const baseUrl = inject('baseUrl')
let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser.close()
})

describe('キーボードだけで予約する', () => {
  it('Tab・Space・矢印・Enter だけで7問を答えて送り、受付番号の画面を離れる', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/book`)
    const nextButton = page.getByRole('button', { name: '次へ' })
    const pressNext = async () => {
      await tabTo(page, nextButton)
      await page.keyboard.press('Enter')
    }
    const heading = page.locator('#booking-step-heading')
    const focusedHeading = async (name: string) => {
      await expect.poll(() => heading.evaluate((el) => el === document.activeElement && el.textContent)).toBe(name)
    }

    await tabTo(page, page.getByRole('radio', { name: '自分のこと' }))
    await page.keyboard.press('Space')
    await pressNext()
    await focusedHeading('何と呼べばいいですか？')
    await tabTo(page, page.getByRole('textbox', { name: /ニックネーム/ }))
    await page.keyboard.type('キーボード')
    await pressNext()
    await focusedHeading('どうやって話したいですか？')
    await tabTo(page, page.getByRole('radio', { name: '電話' }))
    await page.keyboard.press('Space')
    await pressNext()
    await focusedHeading('どこの窓口に相談しますか？')
    await tabTo(page, page.getByRole('radio', { name: /豊島区/ }))
    await page.keyboard.press('Space')
    await pressNext()
    await focusedHeading('いつがいいですか？')
    const firstTime = page.getByRole('group', { name: /\d+月\d+日（.）/ }).first().getByRole('radio').first()
    await firstTime.waitFor()
    await tabTo(page, page.getByRole('radio', { name: /今は選ばない/ }))
    await page.keyboard.press('ArrowDown')
    expect(await firstTime.isChecked()).toBe(true)
    await pressNext()
    await focusedHeading('ほかに伝えたいことはありますか？')
    await pressNext()
    await focusedHeading('送る前に確かめてください')
    await tabTo(page, page.getByRole('checkbox', { name: '上のことを読んで、同意します' }))
    await page.keyboard.press('Space')
    await tabTo(page, page.getByRole('button', { name: '送信する' }))
    await page.keyboard.press('Enter')

    await page.getByRole('heading', { name: '予約が決まりました' }).waitFor({ timeout: 20_000 })
    expect(await readReceipt(page)).toMatch(/^\d{16}$/)
    await tabTo(page, page.getByRole('checkbox', { name: /受付番号をメモしました/ }))
    await page.keyboard.press('Space')
    await tabTo(page, page.getByRole('button', { name: '終わる' }))
    await page.keyboard.press('Enter')
    await page.waitForURL(`${baseUrl}/`)
    await context.close()
  })
})
