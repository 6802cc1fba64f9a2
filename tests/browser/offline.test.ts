import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paths, publicPages } from '../../src/app/paths'
import type { Language } from '../../src/lib/languages'
import pageHtmlEn from '../../src/locales/en/page-html.json' with { type: 'json' }
import pageHtml from '../../src/locales/ja/page-html.json' with { type: 'json' }
import { launchChromium } from '../tools/chromium'
import { appUrl, newAppContext, openPage, useLanguage, waitForServiceWorker } from './helpers/app'
import { DIST, chunkOf, localeFiles, verbatimString, precachedUrls } from './helpers/precache'

async function headingsOf(page: Page): Promise<Map<string, string>> {
  const headings = new Map<string, string>()
  for (const path of publicPages) headings.set(path, await openPage(page, path))
  return headings
}

describe('オフライン', () => {
  let browser: Browser
  /** What each page's h1 says online, seen from a separate context with its own caches. */
  const online = new Map<Language, Map<string, string>>()

  beforeAll(async () => {
    browser = await launchChromium()
    for (const language of ['ja', 'en'] as const) {
      const context = await newAppContext(browser, { serviceWorkers: 'block' })
      await useLanguage(context, language)
      online.set(language, await headingsOf(await context.newPage()))
      await context.close()
    }
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('一度開いたあとは、ネットが切れても公開ページがすべて開く（日本語と英語）', async () => {
    const context = await newAppContext(browser)
    const page = await context.newPage()
    await openPage(page, '/')
    await waitForServiceWorker(page)

    await context.setOffline(true)
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
    // The server really is out of reach: /api is never cached, so this goes to the network and fails.
    expect(await page.evaluate(() => fetch('/api/health').then(() => 'reached', () => 'unreachable'))).toBe('unreachable')
    const offlineJa = await headingsOf(page)
    expect(offlineJa).toEqual(online.get('ja'))
    for (const heading of offlineJa.values()) expect(heading).not.toBe('')
    expect(new Set(offlineJa.values()).size).toBe(publicPages.length)

    // A flyer's QR code adds ?src=…: offline that is still the page the build wrote, not the empty shell.
    await page.goto(appUrl(`${paths.hurdleWho}?src=flyer-1`))
    expect(await page.locator('#root').getAttribute('data-prerendered')).toBe(paths.hurdleWho)
    expect(await page.locator('main h1').textContent()).toBe(online.get('ja')?.get(paths.hurdleWho))

    // English was never loaded in this context: its text must come from the precache too.
    await page.getByRole('button', { name: /言語/ }).click()
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await headingsOf(page)).toEqual(online.get('en'))
    await context.close()
  }, 180_000)

  it('ビルド: sw.js が index.html とすべての言語ファイルを事前キャッシュする', () => {
    const urls = precachedUrls()
    expect(urls).toContain('index.html')
    expect(urls).toContain('manifest.webmanifest')
    const builtJs = new Map(
      urls.filter((url) => url.endsWith('.js')).map((url) => [url, readFileSync(join(DIST, url), 'utf8')] as const),
    )
    const files = localeFiles()
    expect(new Set(files.map((f) => f.language))).toEqual(new Set(['ja', 'ja-easy', 'en']))
    // page-html is written into the HTML at build time (in each page's language), not loaded as a chunk.
    expect(readFileSync(join(DIST, 'index.html'), 'utf8')).toContain(`<noscript>${pageHtml.noscript.page}</noscript>`)
    expect(readFileSync(join(DIST, 'en.html'), 'utf8')).toContain(`<noscript>${pageHtmlEn.noscript.page}</noscript>`)
    expect(readFileSync(join(DIST, 'app-shell.html'), 'utf8')).toContain(`<noscript>${pageHtml.noscript.shell}</noscript>`)
    for (const file of files.filter((f) => f.namespace !== 'page-html')) {
      const name = `${file.language}/${file.namespace}.json`
      const chunk = chunkOf(file, builtJs)
      expect(chunk, `${name}: no chunk in the precached entry`).toBeDefined()
      expect(urls, name).toContain(chunk)
      expect(builtJs.get(chunk as string), name).toContain(verbatimString(file))
    }
  })
})
