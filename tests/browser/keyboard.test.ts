import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { launchChromium } from '../tools/chromium'
import { newAppContext, openPage } from './helpers/app'

/** What has keyboard focus: tag, its accessible label or text, and whether it sits in main. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      name: (el?.getAttribute('aria-label') ?? el?.innerText ?? '').replace(/\s+/g, ' ').trim(),
      id: el?.id ?? '',
      inMain: !!el?.closest('main'),
      inHeader: !!el?.closest('header'),
    }
  })
}

describe('キーボードだけで使える', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    context = await newAppContext(browser, { serviceWorkers: 'block' })
    page = await context.newPage()
    await openPage(page, '/')
  })
  afterEach(async () => {
    await context?.close()
  })

  it('Tab の最初は「本文へ移動」、次にヘッダーの操作。スキップリンクで本文へ移る', async () => {
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ tag: 'a', name: '本文へ移動' })
    const box = await page.locator('a[href="#main"]').boundingBox()
    expect(box && box.y >= 0 && box.height >= 24).toBe(true)

    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ tag: 'a', name: 'つなぐ トップページへ', inHeader: true })
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ tag: 'button', inHeader: true })
    expect((await focused(page)).name).toContain('日本語')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ tag: 'button', name: 'すぐに閉じる', inHeader: true })

    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toMatchObject({ name: '本文へ移動' })
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused(page)).id).toBe('main')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ inMain: true, tag: 'a' })
  })

  it('ページ内のリンクで移ると、新しいページの見出しにフォーカスが移る', async () => {
    const link = page.locator('main ul a').first()
    const target = await link.getAttribute('href')
    await link.focus()
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === target)
    await expect.poll(async () => (await focused(page)).tag).toBe('h1')
    expect((await focused(page)).inMain).toBe(true)
  })

  it('言語の切り替えは Enter / Space で開き、Escape で閉じ、選ぶと表示が変わる', async () => {
    const toggle = page.locator('header button[aria-expanded]')
    const list = page.locator('header ul')
    await toggle.focus()

    await page.keyboard.press('Enter')
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    expect(await list.isVisible()).toBe(true)
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ name: '日本語' })
    await page.keyboard.press('Escape')
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    expect(await list.isVisible()).toBe(false)
    expect(await focused(page)).toMatchObject({ tag: 'button', inHeader: true })
    expect((await focused(page)).name).toContain('日本語')

    await page.keyboard.press('Space')
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ name: 'English' })
    await page.keyboard.press('Space')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await list.isVisible()).toBe(false)
    // Focus returns to the toggle, which now names the chosen language.
    await expect.poll(async () => (await focused(page)).name).toContain('English')
    expect(await page.locator('main h1').isVisible()).toBe(true)
  })

  it('言語の一覧から Tab で出ると一覧が閉じる', async () => {
    const toggle = page.locator('header button[aria-expanded]')
    await toggle.focus()
    await page.keyboard.press('Enter')
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ name: 'すぐに閉じる' })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
  })
})
