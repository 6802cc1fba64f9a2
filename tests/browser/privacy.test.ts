import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paths, publicPages } from '../../src/app/paths'
import { DRAFTS_DB_NAME, OUTBOX_DB_NAME } from '../../src/lib/outbox-names'
import { LANGUAGE_NAMES, LANGUAGES } from '../../src/lib/languages'
import { launchChromium } from '../tools/chromium'
import { baseUrl, newAppContext, openPage, waitForServiceWorker } from './helpers/app'

async function chooseLanguage(page: Page, name: string): Promise<void> {
  await page.locator('header button[aria-expanded]').click()
  await page.getByRole('button', { name, exact: true }).click()
}

describe('プライバシー: 外部への通信とクッキー', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('公開ページ（地図をふくむ）をすべて3言語で開いても、通信は自分のオリジンだけで、クッキーはない', async () => {
    const context = await newAppContext(browser)
    const appOrigin = new URL(baseUrl()).origin
    const requests: string[] = []
    const foreign: string[] = []
    const setCookies: string[] = []
    context.on('request', (request) => {
      requests.push(request.url())
      const { protocol, origin } = new URL(request.url())
      // Map tiles come through the app's own /tiles proxy: no other origin at all.
      if (protocol !== 'data:' && protocol !== 'blob:' && origin !== appOrigin) foreign.push(request.url())
    })
    const headerReads: Array<Promise<void>> = []
    context.on('response', (response) => {
      headerReads.push(
        response.headerValue('set-cookie').then((cookie) => {
          if (cookie) setCookies.push(`${response.url()}: ${cookie}`)
        }),
      )
    })
    // Nothing leaves the machine: every other-origin request is refused here, but still counted above.
    await context.route((url) => url.origin !== appOrigin, (route) => route.abort())

    const page = await context.newPage()
    await openPage(page, '/')
    await waitForServiceWorker(page)
    for (const language of LANGUAGES) {
      await chooseLanguage(page, LANGUAGE_NAMES[language])
      await expect.poll(() => page.evaluate(() => localStorage.getItem('tsunagu.language'))).toBe(language)
      for (const path of publicPages) {
        await openPage(page, path)
        expect(await page.evaluate(() => document.cookie), path).toBe('')
      }
      // Client-side navigation through the footer links, as a reader would.
      for (const link of await page.locator('footer nav a').all()) {
        await link.click()
        await page.locator('main h1').waitFor()
      }
    }
    await Promise.all(headerReads)

    expect(requests.length).toBeGreaterThan(publicPages.length * LANGUAGES.length)
    expect(foreign).toEqual([])
    expect(setCookies).toEqual([])
    expect(await context.cookies()).toEqual([])
    await context.close()
  }, 240_000)

  it('読むだけの訪問では、端末にデータベースも予約のコードも残さない', async () => {
    const context = await newAppContext(browser)
    const scripts: string[] = []
    context.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
    })
    const page = await context.newPage()
    for (const path of [paths.home, paths.hurdleWho, paths.hurdleSecret, paths.next, paths.family, paths.safety]) {
      await openPage(page, path)
    }
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name))
    expect(databases).not.toContain(OUTBOX_DB_NAME)
    expect(databases).not.toContain(DRAFTS_DB_NAME)
    // The booking and database code is not downloaded by someone who only reads.
    expect(scripts.filter((path) => /\/(outbox|live-outbox-indicator|book|schemas)-[\w-]{8}\.js$/.test(path))).toEqual([])
    await context.close()
  })
})
