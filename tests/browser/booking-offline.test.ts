import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, inject, it, vi } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { launchPersistent } from '../tools/chromium'
import { checkStatus, PHONE, readReceipt, walkBooking } from './booking-helpers'
import { waitForServiceWorker } from './helpers/app'

vi.setConfig({ testTimeout: 180_000 })
const baseUrl = inject('baseUrl')
const profiles: string[] = []
afterAll(() => profiles.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function newProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-profile-'))
  profiles.push(dir)
  return dir
}

async function open(profile: string): Promise<{ context: BrowserContext; page: Page; posts: number[] }> {
  const context = await launchPersistent(profile)
  const page = context.pages()[0] ?? (await context.newPage())
  await page.setViewportSize(PHONE)
  const posts: number[] = []
  context.on('response', (response) => {
    const url = new URL(response.url())
    if (url.pathname === '/api/requests' && response.request().method() === 'POST') posts.push(response.status())
  })
  return { context, page, posts }
}

async function bookOffline(context: BrowserContext, page: Page, nickname: string) {
  await page.goto(`${baseUrl}/book`)
  // The network goes only once the app is installed: on a loaded machine precaching can outlast the
  // seven steps, and then the 「送信待ち」 line's chunk would be what fails, not the outbox.
  const offline = async () => {
    await waitForServiceWorker(page)
    await context.setOffline(true)
  }
  await walkBooking(page, { asker: 'self', nickname, message: 'オフラインで書きました', beforeSend: offline })
  await page.getByRole('heading', { name: '送信待ちです' }).waitFor({ timeout: 20_000 })
  await page.getByRole('status').filter({ hasText: 'まだ送れていない予約が1件あります' }).waitFor()
  return readReceipt(page)
}

describe('オフラインの予約（送信待ち）', () => {
  it('ネットが戻ると、一度だけ届けて「予約が決まりました」になる', async () => {
    const { context, page, posts } = await open(newProfile())
    const receipt = await bookOffline(context, page, 'オフライン1')
    expect(posts).toEqual([])
    await context.setOffline(false)
    await page.getByRole('heading', { name: '予約が決まりました' }).waitFor({ timeout: 30_000 })
    await page.reload()
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(posts).toEqual([201])
    await checkStatus(page, baseUrl, receipt)
    await expect.poll(() => page.getByRole('region', { name: 'あなたの予約' }).textContent()).toContain('予約が決まっています')
    await context.close()
  })

  it('ブラウザを閉じて同じプロファイルで開き直すと、起動時に一度だけ届ける', async () => {
    const profile = newProfile()
    const first = await open(profile)
    const receipt = await bookOffline(first.context, first.page, 'オフライン2')
    expect(first.posts).toEqual([])
    await first.context.close()

    const second = await open(profile)
    // The page delivers on start, or the service worker first when the browser fires the pending
    // Background Sync at start-up: either way, exactly once.
    await second.page.goto(`${baseUrl}/`)
    await expect.poll(() => second.posts, { timeout: 30_000 }).toEqual([201])
    await second.page.reload()
    await second.page.getByRole('heading', { level: 1 }).waitFor()
    await checkStatus(second.page, baseUrl, receipt)
    await expect.poll(() => second.page.getByRole('region', { name: 'あなたの予約' }).textContent()).toContain('予約が決まっています')
    expect(second.posts).toEqual([201])
    await second.context.close()

    // A third start finds nothing left to send.
    const third = await open(profile)
    await third.page.goto(`${baseUrl}/`)
    await third.page.getByRole('heading', { level: 1 }).waitFor()
    await third.page.waitForTimeout(1500)
    expect(third.posts).toEqual([])
    await third.context.close()
  })

  it('アプリのページを閉じたあとでも、ネットが戻れば Background Sync で service worker が一度だけ届ける', async () => {
    const { context, page, posts } = await open(newProfile())
    await page.goto(`${baseUrl}/`)
    await waitForServiceWorker(page)
    const receipt = await bookOffline(context, page, 'オフライン3')
    const tags = await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & { sync: { getTags(): Promise<string[]> } }
      return registration.sync.getTags()
    })
    expect(tags).toContain('tsunagu-outbox')
    await page.close()

    // No page of the app is open: only the service worker can deliver now.
    await context.setOffline(false)
    const blank = await context.newPage()
    const cdp = await context.newCDPSession(blank)
    const registrations = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: list }) => {
        const ours = list.find((r) => r.scopeURL.startsWith(baseUrl) && !r.isDeleted)
        if (ours) resolve(ours.registrationId)
      })
    })
    await cdp.send('ServiceWorker.enable')
    const registrationId = await registrations
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: new URL(baseUrl).origin, registrationId, tag: 'tsunagu-outbox', lastChance: false })
    await expect.poll(() => posts, { timeout: 30_000 }).toEqual([201])

    // The page opened afterwards finds the request delivered and sends nothing again.
    await blank.goto(`${baseUrl}/`)
    await checkStatus(blank, baseUrl, receipt)
    await expect.poll(() => blank.getByRole('region', { name: 'あなたの予約' }).textContent()).toContain('予約が決まっています')
    expect(posts).toEqual([201])
    await context.close()
  })
})
