import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressFile } from '../../src/build/precompress'
import { startNodeServer, type RunningServer } from '../../src/server/node'
import { launchChromium } from '../tools/chromium'
import { newAppContext, waitForServiceWorker } from './helpers/app'
import { DIST } from './helpers/precache'

/**
 * A server of its own over a copy of the build, so this test can publish a "new version" (a changed
 * sw.js) without touching the dist/ that the other tests use.
 */
describe('新しい版の知らせ', { timeout: 120_000 }, () => {
  let browser: Browser
  let server: RunningServer
  let work: string

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'tsunagu-update-'))
    cpSync(DIST, join(work, 'dist'), { recursive: true })
    server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: join(work, 'data'), DIST_DIR: join(work, 'dist') })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    rmSync(work, { recursive: true, force: true })
  })

  /** As a deployment does: a changed sw.js, with its .br/.gz rebuilt, since the server sends those. */
  function publishNewServiceWorker() {
    const sw = join(work, 'dist', 'sw.js')
    appendFileSync(sw, `\n// next version ${Date.now()}\n`)
    precompressFile(sw)
  }

  /** A returning visitor: the second visit is controlled by the service worker from the start. */
  async function openControlled(context: BrowserContext): Promise<Page> {
    const page = await context.newPage()
    await page.goto(server.url + '/')
    await waitForServiceWorker(page)
    await page.reload()
    await page.locator('main h1').waitFor()
    await waitForServiceWorker(page)
    return page
  }

  it('新しいサービスワーカーが待っていると role=status で知らせ、勝手に再読み込みしない', async () => {
    const context = await newAppContext(browser)
    const page = await openControlled(context)
    await page.evaluate(() => Object.assign(window, { sameDocument: true }))

    publishNewServiceWorker()
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())

    const banner = page.locator('[role="status"]').filter({ hasText: '新しい版があります。' })
    await banner.waitFor()
    expect(await banner.getByRole('button', { name: '新しい版にする' }).isVisible()).toBe(true)

    // Another update check later: the new version still waits, and this is still the same document.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
    expect(
      await page.evaluate(async () => ({
        waiting: !!(await navigator.serviceWorker.getRegistration())?.waiting,
        sameDocument: 'sameDocument' in window,
      })),
    ).toEqual({ waiting: true, sameDocument: true })

    await banner.getByRole('button', { name: 'あとで' }).click()
    await banner.waitFor({ state: 'detached' })
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true)
    await context.close()
  })

  it('「新しい版にする」を押したときだけ、新しい版に切り替えて読み込み直す', async () => {
    const context = await newAppContext(browser)
    const page = await openControlled(context)
    const firstScript = await page.evaluate(() => (navigator.serviceWorker.controller as ServiceWorker).scriptURL)

    publishNewServiceWorker()
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
    const banner = page.locator('[role="status"]').filter({ hasText: '新しい版があります。' })
    await banner.waitFor()
    await page.evaluate(() => Object.assign(window, { sameDocument: true }))

    const reloaded = page.waitForEvent('load')
    await banner.getByRole('button', { name: '新しい版にする' }).click()
    await reloaded
    await page.locator('main h1').waitFor()
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(false)
    const after = await page.evaluate(async () => ({
      waiting: !!(await navigator.serviceWorker.getRegistration())?.waiting,
      controlled: navigator.serviceWorker.controller?.scriptURL,
    }))
    expect(after).toEqual({ waiting: false, controlled: firstScript })
    await context.close()
  })

  it('初めての訪問のページでも、「新しい版にする」で新しい版に切り替えて読み込み直す', async () => {
    const context = await newAppContext(browser)
    const page = await context.newPage()
    await page.goto(server.url + '/')
    await page.locator('main h1').waitFor()
    await waitForServiceWorker(page)
    await page.evaluate(() => Object.assign(window, { sameDocument: true }))

    publishNewServiceWorker()
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
    const banner = page.locator('[role="status"]').filter({ hasText: '新しい版があります。' })
    await banner.waitFor()
    const reloaded = page.waitForEvent('load')
    await banner.getByRole('button', { name: '新しい版にする' }).click()
    await reloaded
    await page.locator('main h1').waitFor()
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(false)
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(false)
    await context.close()
  })
})
