import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, ConsoleMessage, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paths, prerenderedPages } from '../../src/app/paths'
import { prerenderedFile } from '../../src/build/prerender'
import { withoutRuby } from '../../src/components/ruby-text'
import { LANGUAGE_BOOT_SCRIPT } from '../../src/shared/language-boot-script'
import common from '../../src/locales/ja/common.json' with { type: 'json' }
import guide from '../../src/locales/ja/guide.json' with { type: 'json' }
import home from '../../src/locales/ja/home.json' with { type: 'json' }
import windows from '../../src/locales/ja/windows.json' with { type: 'json' }
import { launchChromium } from '../tools/chromium'
import { appUrl, newAppContext, openPage, useLanguage, waitForApp, waitForServiceWorker } from './helpers/app'
import { DIST, precachedUrls } from './helpers/precache'

/** Each pre-rendered page's h1, from the Japanese locale files. */
const H1: Record<string, string> = {
  [paths.home]: home.lead,
  [paths.hurdleWho]: guide.who.title,
  [paths.hurdleName]: guide.name.title,
  [paths.hurdleAfter]: guide.after.title,
  [paths.hurdleWait]: guide.wait.title,
  [paths.hurdleSecret]: guide.secret.title,
  [paths.next]: guide.next.title,
  [paths.family]: guide.family.title,
  [paths.safety]: guide.safety.title,
  [paths.windows]: windows.title,
}

/** The start of every phone status sentence: none may be in HTML written before the device knew the time. */
const STATUS_TEXT = Object.entries(common.phoneStatus)
  .filter(([key]) => key === 'open' || (key.startsWith('closed') && key !== 'closedHolidays'))
  .map(([, text]) => text.split('{{')[0]?.trim() as string)

const builtHtml = (path: string) => readFileSync(join(DIST, prerenderedFile(path)), 'utf8')
const textOf = (html: string) => html.replace(/<!--.*?-->/g, '').replace(/<[^>]+>/g, '').trim()

describe('ビルド時に書いたページ', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('ビルド: 公開ページごとに本当の見出しとタイトルがあり、時刻で変わる電話の状況はない', () => {
    expect(Object.keys(H1).sort()).toEqual([...prerenderedPages].sort())
    for (const path of prerenderedPages) {
      const html = builtHtml(path)
      expect(html, path).toContain(`<div id="root" data-prerendered="${path}" data-modules="/assets/`)
      expect(textOf(/<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1] ?? ''), path).toBe(H1[path])
      const title = path === paths.home ? common.siteTitle : `${withoutRuby(H1[path] as string)} | ${common.siteTitle}`
      expect(html, path).toContain(`<title>${title}</title>`)
      expect(html, path).toContain(`<script>${LANGUAGE_BOOT_SCRIPT}</script>`)
      for (const status of STATUS_TEXT) expect(html, `${path}: ${status}`).not.toContain(status)
      // Nothing stands between the HTML and its first paint: the CSS is in the page, no stylesheet
      // is linked, and the only scripts are the inline boot script and deferred modules.
      expect(html, path).toMatch(/<style data-href="\/assets\/[^"]+\.css">[^<]*--color/)
      expect(html, path).not.toMatch(/<link[^>]+rel="stylesheet"/)
      for (const [tag] of html.matchAll(/<script[^>]*>/g)) expect(tag === '<script>' || tag.includes('type="module"'), `${path}: ${tag}`).toBe(true)
      // Where a window's phone line is, it gives the hours until the device knows the time.
      for (const [, line] of html.matchAll(/<p[^>]*role="status"[^>]*>(.*?)<\/p>/gs)) {
        expect(textOf(line as string), path).toMatch(/^電話の受付: 月〜金 8:30〜17:15$/)
      }
    }
    expect(builtHtml(paths.home)).toContain('電話の受付: 月〜金 8:30〜17:15')
    const shell = readFileSync(join(DIST, 'app-shell.html'), 'utf8')
    expect(shell).toContain('<div id="root"></div>')
    expect(shell).toContain(`<script>${LANGUAGE_BOOT_SCRIPT}</script>`)
  })

  it('ビルド: サービスワーカーは各ページの HTML とアプリの殻を事前キャッシュし、殻に戻る', () => {
    const urls = precachedUrls()
    for (const path of prerenderedPages) expect(urls, path).toContain(prerenderedFile(path))
    expect(urls).toContain('app-shell.html')
    // That the worker falls back to the shell is behaviour: offline.test.ts opens /book and /status offline.
  })

  it('JavaScript が動かなくても、各ページの見出し、タイトル、本文が見える', async () => {
    const context = await newAppContext(browser, { javaScriptEnabled: false })
    const page = await context.newPage()
    for (const path of prerenderedPages) {
      await page.goto(appUrl(path))
      const heading = page.locator('main h1')
      expect(await heading.isVisible(), path).toBe(true)
      expect((await heading.textContent())?.trim(), path).toBe(H1[path])
      expect(await page.title(), path).toContain(common.siteTitle)
    }
    await page.goto(appUrl(paths.home))
    expect(await page.getByRole('link', { name: /03-4566-2427/ }).isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: home.questions.who }).isVisible()).toBe(true)
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

  it('日本語では、書いた HTML をそのまま使い（作り直さない）、食い違いのエラーもない', async () => {
    const context = await newAppContext(browser, { serviceWorkers: 'block' })
    for (const path of prerenderedPages) {
      const page = await context.newPage()
      const errors = await openWatching(page, path)
      expect(await page.evaluate(() => (window as { builtHeading?: Element }).builtHeading === document.querySelector('main h1')), path).toBe(true)
      // The status line is worked out on the device once the page is live.
      if (path === paths.home || path === paths.hurdleWait) await page.locator('main [data-state]:not([data-state="unknown"])').waitFor()
      expect(errors, path).toEqual([])
      await page.close()
    }
    await context.close()
  })

  it('英語を選んだ人には、日本語を見せずに英語で描き直す', async () => {
    const context = await newAppContext(browser, { serviceWorkers: 'block' })
    await useLanguage(context, 'en')
    const page = await context.newPage()
    // Hold the app back a little, so the moment before it starts can be looked at.
    await page.route('**/assets/index-*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800))
      await route.continue()
    })
    await page.goto(appUrl(paths.hurdleWho), { waitUntil: 'domcontentloaded' })
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('root') as HTMLElement).visibility)).toBe('hidden')
    await page.locator('main h1', { hasText: 'Who can ask for help?' }).waitFor()
    await waitForApp(page)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await page.locator('main h1').isVisible()).toBe(true)
    expect(await page.title()).toBe('Who can ask for help? | Tsunagu')
    await context.close()
  })

  it('英語を選んだ人でも、アプリが始まらなければ 4 秒後には日本語のページを見せる', async () => {
    const context = await newAppContext(browser, { serviceWorkers: 'block' })
    await useLanguage(context, 'en')
    const page = await context.newPage()
    await page.route('**/assets/*.js', (route) => route.abort())
    await page.goto(appUrl(paths.home))
    await page.locator('main h1').waitFor({ state: 'visible', timeout: 6000 })
    expect((await page.locator('main h1').textContent())?.trim()).toBe(home.lead)
    await context.close()
  })

  it('トップページは、電話の状況が出ても何も動かない（レイアウトシフト 0）', async () => {
    for (const time of ['2026-11-24T10:00:00+09:00', '2026-12-31T10:00:00+09:00']) {
      const context = await newAppContext(browser, { serviceWorkers: 'block' })
      const page = await context.newPage()
      await page.clock.setFixedTime(new Date(time))
      await page.addInitScript(() => {
        const shifts: number[] = []
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value)
        }).observe({ type: 'layout-shift', buffered: true })
        Object.assign(window, { shifts })
      })
      await openPage(page, paths.home)
      await page.locator('main [data-state]:not([data-state="unknown"])').waitFor()
      await page.waitForTimeout(300)
      expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts), time).toEqual([])
      await context.close()
    }
  })

  it('オフラインでも、各ページはそのページの HTML で開き、書いていないページはアプリの殻で開く', async () => {
    const context = await newAppContext(browser)
    const page = await context.newPage()
    await openPage(page, paths.home)
    await waitForServiceWorker(page)
    await context.setOffline(true)
    for (const path of prerenderedPages) {
      const response = await page.goto(appUrl(path))
      expect(response?.fromServiceWorker(), path).toBe(true)
      expect(await response?.text(), path).toContain(`data-prerendered="${path}"`)
      await waitForApp(page)
    }
    const shell = await page.goto(appUrl(`${paths.book}?window=toshima`))
    expect(await shell?.text()).toContain('<div id="root"></div>')
    await waitForApp(page)
    await context.close()
  }, 120_000)
})
