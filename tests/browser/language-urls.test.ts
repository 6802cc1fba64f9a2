import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paths, prerenderedPages } from '../../src/app/paths'
import { LANGUAGE_STORAGE_KEY } from '../../src/shared/language-paths'
import en from '../../src/locales/en/guide.json' with { type: 'json' }
import enWindows from '../../src/locales/en/windows.json' with { type: 'json' }
import easy from '../../src/locales/ja-easy/guide.json' with { type: 'json' }
import ja from '../../src/locales/ja/guide.json' with { type: 'json' }
import { launchChromium } from '../tools/chromium'
import { appUrl, newAppContext, openPage, useLanguage, waitForApp, waitForServiceWorker } from './helpers/app'
import { shownText } from './helpers/page-languages'

const heading = async (page: Page) => (await page.locator('main h1').textContent())?.trim()
const where = (page: Page) => {
  const url = new URL(page.url())
  return url.pathname + url.search
}

async function chooseLanguage(page: Page, name: string): Promise<void> {
  await page.locator('header button[aria-expanded]').click()
  await page.locator('header ul').getByRole('button', { name }).click()
}

describe('言語ごとの URL', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('英語を選んだ人が言語のない URL（QR コード・ブックマーク）で来ると、日本語を描かずに英語の URL へ移る', async () => {
    const context = await newAppContext(browser, { serviceWorkers: 'block' })
    await useLanguage(context, 'en')
    const page = await context.newPage()
    // Every frame the browser paints of each document, with the h1 it showed.
    await page.addInitScript(() => {
      const seen: string[] = []
      Object.assign(window, { seen })
      const look = () => {
        const h1 = document.querySelector('main h1')
        if (h1 && getComputedStyle(document.documentElement).visibility !== 'hidden') seen.push(h1.textContent ?? '')
        requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    })
    const documents: string[] = []
    page.on('framenavigated', (frame) => frame === page.mainFrame() && documents.push(new URL(frame.url()).pathname))
    await page.goto(appUrl(`${paths.hurdleWho}?src=poster`))
    await page.waitForURL(/\/en\/who-can-consult\?src=poster$/)
    await waitForApp(page)
    expect(await heading(page)).toBe(en.who.title)
    expect(documents.slice(-1)).toEqual(['/en/who-can-consult'])
    expect((await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).some((text) => text.includes(ja.who.title))).toBe(false)
    await context.close()
  })

  it('言語のある URL は、保存した言語がちがってもそのまま（やさしい日本語の URL を英語の人が開く）', async () => {
    const context = await newAppContext(browser, { serviceWorkers: 'block' })
    await useLanguage(context, 'en')
    const page = await context.newPage()
    await openPage(page, `/easy${paths.hurdleWho}`)
    expect(where(page)).toBe('/easy/who-can-consult')
    expect(await heading(page)).toBe(shownText(easy.who.title))
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja')
    await page.goto(appUrl('/'))
    await page.waitForURL(/\/en$/)
    await context.close()
  })

  it('言語の切り替えは同じページの別の言語の URL へ行き、選択を保つ。中のリンクはその言語のまま、戻るで元の言語に戻る', async () => {
    const context = await newAppContext(browser, { serviceWorkers: 'block' })
    const page = await context.newPage()
    await openPage(page, `${paths.hurdleWho}?src=poster`)
    await chooseLanguage(page, 'English')
    await page.waitForURL(/\/en\/who-can-consult\?src=poster$/)
    await page.locator('main h1', { hasText: en.who.title }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await page.title()).toBe(`${en.who.title} | Tsunagu`)
    expect(await page.evaluate((key) => localStorage.getItem(key), LANGUAGE_STORAGE_KEY)).toBe('en')

    await page.locator('main').getByRole('link', { name: en.links.windows }).click()
    await page.waitForURL(/\/en\/windows$/)
    await page.locator('main h1', { hasText: enWindows.title }).waitFor()
    expect(await page.locator('footer').getByRole('link', { name: 'Home' }).getAttribute('href')).toBe('/en')

    await chooseLanguage(page, 'やさしい にほんご')
    await page.waitForURL(/\/easy\/windows$/)
    await page.goBack()
    await page.waitForURL(/\/en\/windows$/)
    await page.locator('main h1', { hasText: enWindows.title }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')

    await chooseLanguage(page, '日本語')
    await page.waitForURL((url) => url.pathname === '/windows')
    expect(await page.evaluate((key) => localStorage.getItem(key), LANGUAGE_STORAGE_KEY)).toBe('ja')
    await context.close()
  })

  it('オフラインでも、各ページはそのページの HTML で開き、/en/… は開いたページを保ち、開いていないページも英語で描く', async () => {
    const context = await newAppContext(browser)
    const page = await context.newPage()
    await openPage(page, paths.home)
    await waitForServiceWorker(page)
    await openPage(page, `/en${paths.hurdleWho}`)
    await context.setOffline(true)
    for (const path of prerenderedPages) {
      const response = await page.goto(appUrl(path))
      expect(response?.fromServiceWorker(), path).toBe(true)
      expect(await response?.text(), path).toContain(`data-prerendered="${path}"`)
      await waitForApp(page)
    }
    const kept = await page.goto(appUrl(`/en${paths.hurdleWho}`))
    expect(kept?.fromServiceWorker()).toBe(true)
    expect(await kept?.text()).toContain('data-prerendered="/en/who-can-consult"')
    await waitForApp(page)
    expect(await heading(page)).toBe(en.who.title)

    const unseen = await page.goto(appUrl(`/en${paths.windows}`))
    expect(unseen?.fromServiceWorker()).toBe(true)
    await page.locator('main h1', { hasText: enWindows.title }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')

    const shell = await page.goto(appUrl(`${paths.book}?window=toshima`))
    expect(await shell?.text()).toContain('<div id="root"></div>')
    await waitForApp(page)
    await context.close()
  }, 150_000)
})
