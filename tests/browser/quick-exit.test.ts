import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import deployment from '../../src/shared/config/deployment.json' with { type: 'json' }
import { LANGUAGE_STORAGE_KEY } from '../../src/shared/language-paths'
import { launchChromium } from '../tools/chromium'
import { appUrl, baseUrl, newAppContext, openPage, waitForApp, waitForServiceWorker } from './helpers/app'
import { fillDeviceStorage, OUTBOX_DB, readDeviceStorage } from './helpers/storage'

const NEUTRAL_URL = deployment.quickExitUrl

describe('すぐに閉じる', { timeout: 120_000 }, () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let leftForOtherOrigins: string[]

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  beforeEach(async () => {
    context = await newAppContext(browser)
    leftForOtherOrigins = []
    const appOrigin = new URL(baseUrl()).origin
    // Nothing may leave the machine: the neutral site is answered locally, anything else is refused.
    await context.route(
      (url) => url.origin !== appOrigin,
      (route) => {
        const url = route.request().url()
        leftForOtherOrigins.push(url)
        return url === NEUTRAL_URL
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<title>neutral</title><h1>neutral</h1>' })
          : route.abort()
      },
    )
    page = await context.newPage()
    await openPage(page, '/')
    await waitForServiceWorker(page)
    await fillDeviceStorage(page)
    const before = await readDeviceStorage(page)
    expect(before.databases).toEqual(['scratch', OUTBOX_DB, 'tsunagu-drafts', 'tsunagu-staff'].sort())
    expect(before.outboxRecords).toBe(2)
    expect(before.localStorage).toBe(2)
    expect(before.sessionStorage).toBe(1)
    expect(before.caches).toContain('tsunagu-runtime')
  })

  afterEach(async () => {
    await context?.close()
  })

  async function expectLeftAndWiped(databasesAfter = [OUTBOX_DB, 'tsunagu-staff']): Promise<void> {
    await page.waitForURL(NEUTRAL_URL)
    expect(await page.locator('h1').textContent()).toBe('neutral')
    expect(leftForOtherOrigins).toEqual([NEUTRAL_URL])

    // location.replace: Back does not return to the app page.
    await page.goBack()
    expect(page.url().startsWith(baseUrl())).toBe(false)

    // Back on the app's origin (a page that runs no app code), in the same tab.
    await page.goto(appUrl('/api/health'))
    const after = await readDeviceStorage(page)
    expect(after).toEqual({
      databases: databasesAfter.sort(),
      // Only the undelivered envelope: the delivered entry went with everything else.
      outboxRecords: 1,
      localStorage: 0,
      sessionStorage: 0,
      caches: after.caches.filter((name) => name.startsWith('workbox-precache')),
    })
    expect(after.caches.length).toBeGreaterThan(0)
  }

  it('ボタンを押すと、別のサイトへ移り、端末のデータを消す（送信待ちの暗号文は残す）', async () => {
    await page.getByRole('button', { name: 'すぐに閉じる' }).click()
    await expectLeftAndWiped()
  })

  it('indexedDB.databases() がないブラウザでも、下書きのデータベースを名前で消す', async () => {
    // As in Firefox before 126, from the next page on: the wipe cannot list the databases.
    await context.addInitScript(() => {
      if (location.pathname !== '/api/health') delete (Object.getPrototypeOf(indexedDB) as { databases?: unknown }).databases
    })
    await page.reload()
    // The stored language is やさしい日本語 now (fillDeviceStorage): the boot script moves `/` to `/easy`.
    await page.waitForURL(/\/easy$/)
    await waitForApp(page)
    expect(await page.evaluate(() => typeof indexedDB.databases)).toBe('undefined')
    // Leave with the keys.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift')
    // A database the app never writes cannot be found by name; the app's own are gone.
    await expectLeftAndWiped(['scratch', OUTBOX_DB, 'tsunagu-staff'])
  })

  it('Shift キーを3回押すと、別のサイトへ移り、端末のデータを消す', async () => {
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await expectLeftAndWiped()
  })

  it('入力欄で大文字を打っても（Shift と他のキー）閉じない', async () => {
    await page.evaluate(() => {
      const input = document.createElement('input')
      input.id = 'probe'
      input.setAttribute('aria-label', 'probe')
      document.querySelector('main')?.append(input)
    })
    const input = page.locator('#probe')
    await input.focus()
    for (const key of ['KeyA', 'KeyB', 'KeyC', 'KeyD']) {
      await page.keyboard.down('Shift')
      await page.keyboard.press(key)
      await page.keyboard.up('Shift')
    }
    await expect.poll(() => input.inputValue()).toBe('ABCD')
    // quickExit marks the page synchronously inside the key handler; it must not have run.
    expect(await page.evaluate(() => document.body.dataset.leaving)).toBeUndefined()
    expect(page.url()).toBe(appUrl('/'))
    expect(leftForOtherOrigins).toEqual([])
    const after = await readDeviceStorage(page)
    expect(after.localStorage).toBe(2)
    expect(after.databases).toHaveLength(4)
  })
})

describe('すぐに閉じる（アプリの読み込みが終わる前）', { timeout: 120_000 }, () => {
  it('遅い回線でアプリがまだ届かないうちも、描かれたページのボタンと Shift×3 で離れ、端末のデータを消す', async () => {
    const browser = await launchChromium()
    try {
      for (const press of ['button', 'shift'] as const) {
        const context = await newAppContext(browser, { serviceWorkers: 'block' })
        const heldBack: string[] = []
        // The app's main chunk never arrives: only the page the build wrote and the small entry run.
        await context.route(/\/assets\/start-[^/]+\.js$/, (route) => {
          heldBack.push(route.request().url())
        })
        await context.route(NEUTRAL_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<h1>neutral</h1>' }))
        const page = await context.newPage()
        await page.goto(appUrl('/'))
        await page.getByRole('heading', { level: 1 }).waitFor()
        await page.evaluate((languageKey) => {
          localStorage.setItem(languageKey, 'ja')
          sessionStorage.setItem('tsunagu.answers', 'x')
        }, LANGUAGE_STORAGE_KEY)
        await expect.poll(() => heldBack.length).toBe(1)
        if (press === 'button') {
          await page.getByRole('button', { name: 'すぐに閉じる' }).click()
        } else {
          for (let i = 0; i < 3; i++) await page.keyboard.press('Shift')
        }
        await page.waitForURL(NEUTRAL_URL)
        await page.goto(appUrl('/api/health'))
        expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0])
        await context.close()
      }
    } finally {
      await browser.close()
    }
  })
})
