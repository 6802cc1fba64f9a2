import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../tools/chromium'
import { interceptTiles, waitForList } from './map-helpers'

const baseUrl = inject('baseUrl')
let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser.close()
})

async function tabUntil(page: Page, matches: () => boolean, limit = 150): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(matches)) return presses
  }
  throw new Error('focus never reached the target')
}

describe('居場所マップをキーボードだけで使う', () => {
  it('条件を選び、一覧から場所のページを開ける（タイルなし）', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' })
    await interceptTiles(context)
    const page = await context.newPage()
    await page.goto(`${baseUrl}/map`)
    const all = await waitForList(page)

    await tabUntil(page, () => document.activeElement?.textContent === '条件でしぼる')
    await page.keyboard.press('Enter')
    await tabUntil(page, () => (document.activeElement as HTMLInputElement | null)?.closest('label')?.textContent === '女性向け')
    await page.keyboard.press('Space')
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="result-count"]')?.getAttribute('data-count')) < n, all)
    expect(page.url()).toContain('kind=women')

    const focusedStyle = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)
    expect(focusedStyle).not.toBe('none')

    await tabUntil(page, () => document.activeElement?.closest('[data-testid="place-list"]') !== null && document.activeElement?.tagName === 'A')
    const name = await page.evaluate(() => document.activeElement?.textContent)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/map\/places\//)
    // The place page may still be loading when the address changes; focus then moves to its heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName === 'H1' && document.activeElement.textContent)).toBe(name)
    expect(await page.getByRole('link', { name: '行く前に相談したい' }).getAttribute('href')).toMatch(/^\/book\?window=/)
    await context.close()
  })
})
