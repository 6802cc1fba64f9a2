import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, ConsoleMessage, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paths, prerenderedPages } from '../../src/app/paths'
import { prerenderedFile } from '../../src/build/prerender'
import { LANGUAGES } from '../../src/lib/languages'
import { APP_LOADER_SCRIPT } from '../../src/shared/app-loader-script'
import { LANGUAGE_BOOT_SCRIPT } from '../../src/shared/language-boot-script'
import { HREFLANG, languagePath } from '../../src/shared/language-paths'
import home from '../../src/locales/ja/home.json' with { type: 'json' }
import { launchChromium } from '../tools/chromium'
import { appUrl, baseUrl, newAppContext, openPage } from './helpers/app'
import { pagesInEveryLanguage, shownText, statusSentences, withoutReadings } from './helpers/page-languages'
import { DIST, ROOT, precachedUrls } from './helpers/precache'
import { startSlowHtmlOrigin } from './helpers/slow-html'

const PAGES = pagesInEveryLanguage()
const pageText = (language: string) => JSON.parse(readFileSync(join(ROOT, 'src/locales', language, 'page-html.json'), 'utf8')) as { description: string }
const builtHtml = (url: string) => readFileSync(join(DIST, prerenderedFile(url)), 'utf8')
/** Visible text of an HTML fragment, furigana readings left out. */
const textOf = (html: string) =>
  html.replace(/<!--.*?-->/g, '').replace(/<(rt|rp)>.*?<\/\1>/g, '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim()

describe('ビルド時に書いたページ（3つの言語）', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('ビルド: 公開ページごと、言語ごとに、その言語の見出し・タイトル・lang・hreflang があり、時刻で変わる電話の状況はない', () => {
    expect(PAGES).toHaveLength(prerenderedPages.length * LANGUAGES.length)
    for (const { language, path, url, h1, siteTitle, htmlLang } of PAGES) {
      const html = builtHtml(url)
      expect(html, url).toContain(`<html lang="${htmlLang}">`)
      expect(html, url).toContain(`<div id="root" data-prerendered="${url}" data-modules="/assets/`)
      expect(textOf(/<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1] ?? ''), url).toBe(withoutReadings(h1))
      const title = path === paths.home ? siteTitle : `${withoutReadings(h1)} | ${siteTitle}`
      expect(html, url).toContain(`<title>${title}</title>`)
      expect(html, url).toContain(`<meta name="description" content="${withoutReadings(pageText(language).description)}"`)
      expect(html, url).toContain(`<script>${LANGUAGE_BOOT_SCRIPT}</script>`)
      // The same page in each language, and x-default: the unprefixed URL, which a stored choice moves.
      const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map(([, lang, href]) => `${lang} ${href}`)
      expect(alternates, url).toEqual([...LANGUAGES.map((l) => `${HREFLANG[l]} ${languagePath(l, path)}`), `x-default ${path}`])
      for (const status of statusSentences(language)) expect(textOf(html), `${url}: ${status}`).not.toContain(status)
      // Nothing stands between the HTML and its first paint: the CSS is in the page, no stylesheet
      // is linked, no script is fetched (the loader at the end fetches the app after the paint).
      expect(html, url).toMatch(/<style data-href="\/assets\/[^"]+\.css">[^<]*--color/)
      expect(html, url).not.toMatch(/<link[^>]+rel="(stylesheet|modulepreload)"/)
      for (const [tag] of html.matchAll(/<script[^>]*>/g)) expect(tag, url).toBe('<script>')
      expect(html, url).toMatch(/ data-entry="\/assets\/index-[^"]+\.js">/)
      expect(html, url).toContain(`<script>${APP_LOADER_SCRIPT}</script>\n  </body>`)
    }
    // Where a window's phone line is, it gives the hours until the device knows the time.
    for (const path of prerenderedPages) {
      for (const [, line] of builtHtml(path).matchAll(/<p[^>]*role="status"[^>]*>(.*?)<\/p>/gs)) expect(textOf(line as string), path).toMatch(/^電話の受付: 月〜金 8:30〜17:15$/)
    }
    expect(builtHtml(paths.home)).toContain('電話の受付: 月〜金 8:30〜17:15')
    expect(builtHtml('/en')).toContain('Phone hours: ')
    const shell = readFileSync(join(DIST, 'app-shell.html'), 'utf8')
    expect(shell).toContain('<div id="root"></div>')
    expect(shell).toContain(`<script>${LANGUAGE_BOOT_SCRIPT}</script>`)
  })

  it('ビルド: サービスワーカーは日本語の各ページとアプリの殻を事前キャッシュする（ほかの言語は開いたときに保つ）', () => {
    const urls = precachedUrls()
    for (const path of prerenderedPages) expect(urls, path).toContain(prerenderedFile(path))
    expect(urls).toContain('app-shell.html')
    expect(urls.filter((url) => /^(en|easy)(\/|\.html)/.test(url))).toEqual([])
    // That the worker serves /en/… offline is behaviour: language-urls.test.ts opens them offline.
  })

  it('JavaScript が動かなくても、どの言語でも各ページの見出し、タイトル、本文が見える', async () => {
    const context = await newAppContext(browser, { javaScriptEnabled: false })
    const page = await context.newPage()
    for (const { url, h1, siteTitle, htmlLang } of PAGES) {
      await page.goto(appUrl(url))
      const heading = page.locator('main h1')
      expect(await heading.isVisible(), url).toBe(true)
      expect((await heading.textContent())?.trim(), url).toBe(shownText(h1))
      expect(await page.title(), url).toContain(siteTitle)
      expect(await page.evaluate(() => document.documentElement.lang), url).toBe(htmlLang)
    }
    await page.goto(appUrl(paths.home))
    expect(await page.getByRole('link', { name: /03-4566-2427/ }).isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: home.questions.who }).isVisible()).toBe(true)
    await page.goto(appUrl('/en'))
    expect(await page.getByRole('link', { name: /03-4566-2427/ }).isVisible()).toBe(true)
    await context.close()
  })

  it('どの言語でも、トップと「だれが相談できるの？」は、文字が見えてから、はじめてスクリプトを取りに行く', async () => {
    const context = await newAppContext(browser, { serviceWorkers: 'block' })
    for (const { url, path } of PAGES.filter(({ path }) => path === paths.home || path === paths.hurdleWho)) {
      const page = await context.newPage()
      await openPage(page, url)
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('.js')))
      const { paint, scripts } = await page.evaluate(() => ({
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
        scripts: performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js')).map((entry) => entry.startTime),
      }))
      expect(Math.min(...scripts), `${path}: first script vs first contentful paint at ${paint} ms`).toBeGreaterThanOrEqual(paint)
      await page.close()
    }
    await context.close()
  })

  async function openWatching(page: Page, path: string): Promise<string[]> {
    const errors: string[] = []
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => Object.assign(window, { builtHeading: document.querySelector('main h1') }))
    })
    await openPage(page, path)
    return errors
  }

  it('どの言語でも、書いた HTML をそのまま使い（作り直さない）、食い違いのエラーもない', async () => {
    const context = await newAppContext(browser, { serviceWorkers: 'block' })
    for (const { url, path } of PAGES) {
      const page = await context.newPage()
      const errors = await openWatching(page, url)
      expect(await page.evaluate(() => (window as { builtHeading?: Element }).builtHeading === document.querySelector('main h1')), url).toBe(true)
      // The status line is worked out on the device once the page is live.
      if (path === paths.home || path === paths.hurdleWait) await page.locator('main [data-state]:not([data-state="unknown"])').waitFor()
      expect(errors, url).toEqual([])
      await page.close()
    }
    await context.close()
  }, 180_000)

  /** Every layout shift the page records from its first paint, with the elements that moved. */
  async function recordShifts(page: Page): Promise<() => Promise<string[]>> {
    await page.addInitScript(() => {
      const shifts: string[] = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; sources: Array<{ node: Node | null }> }>) {
          const moved = entry.sources.map(({ node }) => (node instanceof Element ? `<${node.localName} class="${node.className}">` : String(node?.nodeName)))
          shifts.push(`${entry.value.toFixed(5)}: ${moved.join(' ')}`)
        }
      }).observe({ type: 'layout-shift', buffered: true })
      Object.assign(window, { shifts })
    })
    return () => page.evaluate(() => (window as unknown as { shifts: string[] }).shifts)
  }

  it('トップページは、電話の状況が出ても何も動かない（レイアウトシフト 0）', async () => {
    for (const time of ['2026-11-24T10:00:00+09:00', '2026-12-31T10:00:00+09:00']) {
      const context = await newAppContext(browser, { serviceWorkers: 'block' })
      const page = await context.newPage()
      await page.clock.setFixedTime(new Date(time))
      const shifts = await recordShifts(page)
      await openPage(page, paths.home)
      await page.locator('main [data-state]:not([data-state="unknown"])').waitFor()
      await page.waitForTimeout(300)
      expect(await shifts(), time).toEqual([])
      await context.close()
    }
  })

  // A slow phone on a poor connection paints the HTML as it arrives, and so did a busy test machine
  // (the parser yields): the header's tools, which stand at the right edge, moved left as each arrived.
  // Cuts fall before every element except furigana (<ruby>, <rt>, <rp>): a reading arriving after the
  // start of its line makes that line taller, as any inline text still arriving reflows its line.
  it('HTML が少しずつ届いても（遅い回線）、どの言語でもトップページの先に出たものは動かない', async () => {
    const slow = await startSlowHtmlOrigin(baseUrl(), /(?<=<body[^]*)<(?!\/|ruby>|rt>|rp>)/g, 30)
    for (const language of LANGUAGES) {
      const context = await newAppContext(browser, { serviceWorkers: 'block' })
      const page = await context.newPage()
      const shifts = await recordShifts(page)
      await page.goto(new URL(languagePath(language, paths.home), slow.origin).href)
      await page.locator('main [data-state]:not([data-state="unknown"])').waitFor()
      await page.waitForTimeout(300)
      expect(await shifts(), language).toEqual([])
      await context.close()
    }
    await slow.close()
  }, 180_000)
})
