import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core'
import { launchOptions } from '../../tools/chromium'
import type { Slot } from '../../../src/shared/schemas/requests'
import type { ClientBooking, ClientOutcome } from './outbox-entry'

/** What every client saw on the wire, from Chromium's side (pages and service worker alike). */
export interface Wire {
  /** Request ids of every 201 a client saw, once per 201 (a replayed answer counts again). */
  created201: string[]
  /** Who sent each 201'd POST: the form's code, the app's page on start, or the service worker (Background Sync). */
  by: { form: number; appStart: number; serviceWorker: number }
  serverErrors: number
  /** First moment (ms) a POST of each request id died without an answer because the server was killed (or was down). */
  failedAt: Map<string, number>
  failedPosts: number
  aborted: number
}

type Global = { outboxKill: { book(b: ClientBooking): Promise<ClientOutcome>; outbox(): Promise<Array<{ id: string; state: string }>> } }

const requestIdOf = (postData: string | null) => {
  try {
    return (JSON.parse(postData ?? '{}') as { requestId?: string }).requestId ?? null
  } catch {
    return null
  }
}
const isBookingPost = (method: string, url: string) => method === 'POST' && new URL(url).pathname === '/api/requests'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * One device: a browser context with a page of the app open (the 「送信待ち」 line, which sends the
 * outbox on every start, and the service worker it installs) and a page of the same origin running
 * the form's submit code. Both share the device's outbox (IndexedDB) and Web Locks.
 */
export class OutboxClient {
  readonly created: string[] = []
  /** Queued requests whose first send got no answer: the outbox has to deliver them. */
  readonly queued: string[] = []
  readonly outcomes = new Map<string, number>()
  visits = 0
  syncs = 0
  private cdp: CDPSession | undefined
  private registrationId: string | undefined
  private lastVisit = 0
  private context: BrowserContext | undefined
  private profile: string | undefined
  private app!: Page
  private code!: Page

  constructor(
    private readonly baseUrl: string,
    private readonly slots: Slot[],
    private readonly wire: Wire,
  ) {}

  /** Its own Chromium profile: an incognito context would have no Background Sync, so the service worker would never deliver. */
  async open(submitCode: string): Promise<void> {
    this.profile = mkdtempSync(join(tmpdir(), 'tsunagu-outbox-profile-'))
    this.context = await chromium.launchPersistentContext(this.profile, { ...launchOptions(), viewport: { width: 360, height: 640 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
    this.context!.on('response', (response) => {
      const request = response.request()
      if (!isBookingPost(request.method(), request.url())) return
      const id = requestIdOf(request.postData())
      if (response.status() === 201 && id) {
        this.wire.created201.push(id)
        if (request.serviceWorker()) this.wire.by.serviceWorker++
        else if (request.frame().page() === this.app) this.wire.by.appStart++
        else this.wire.by.form++
      }
      if (response.status() >= 500) this.wire.serverErrors++
    })
    this.context!.on('requestfailed', (request) => {
      if (!isBookingPost(request.method(), request.url())) return
      this.wire.failedPosts++
      // A reload of the app's page cancels its own send (net::ERR_ABORTED): not the kill's doing.
      if (request.failure()?.errorText.includes('ERR_ABORTED')) return void this.wire.aborted++
      const id = requestIdOf(request.postData())
      if (id && !this.wire.failedAt.has(id)) this.wire.failedAt.set(id, Date.now())
    })
    this.app = this.context.pages()[0] ?? (await this.context!.newPage())
    await this.app.goto(`${this.baseUrl}/`)
    // Installed, as on a device that has used the app before: its worker can send the outbox too.
    await this.app.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { polling: 100, timeout: 90_000 })
    // A page of the app's origin that does not start the app: only the form's code runs there.
    this.code = await this.context!.newPage()
    await this.code.goto(`${this.baseUrl}/api/config`)
    await this.code.evaluate(`${submitCode}; void 0`)
    this.cdp = await this.context!.newCDPSession(this.code)
    const registration = new Promise<string>((resolve) => {
      this.cdp!.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => r.scopeURL.startsWith(this.baseUrl) && !r.isDeleted)
        if (ours) resolve(ours.registrationId)
      })
    })
    await this.cdp.send('ServiceWorker.enable')
    this.registrationId = await registration
  }

  /**
   * Books in a loop until `running()` turns false. After a send that stayed queued, the person
   * opens the app again a little later (2–6 s after their last visit; a reload sooner would cancel
   * the delivery the last start began).
   */
  async run(running: () => boolean, slotEvery: number, counter: () => number): Promise<void> {
    let waiting = false
    while (running()) {
      const n = counter()
      const slot = n % slotEvery === 0 ? (this.slots.pop() ?? null) : null
      const booking: ClientBooking = { n, slot, windowId: slot?.windowId ?? (n % 2 === 0 ? 'toshima' : 'bunkyo') }
      const out = await this.code
        .evaluate((b) => (globalThis as unknown as Global).outboxKill.book(b), booking)
        .catch((e: Error): ClientOutcome => ({ outcome: `pageError ${e.message.slice(0, 80)}` }))
      this.outcomes.set(out.outcome, (this.outcomes.get(out.outcome) ?? 0) + 1)
      // Sealed and queued: the request exists on this device and must reach the server once.
      if (out.requestId && (out.outcome === 'delivered' || out.outcome === 'pending')) this.created.push(out.requestId)
      else if (slot) this.slots.push(slot)
      if (out.outcome === 'pending') {
        this.queued.push(out.requestId!)
        waiting = true
      }
      // A person does not book again the instant one is sent: a little time for the next one.
      await sleep(200 + Math.random() * 600)
      if (waiting && Date.now() - this.lastVisit > 2000 + Math.random() * 4000) {
        waiting = false
        await this.visit()
      }
    }
  }

  /**
   * The person opens the app again (a reload of its page): the app sends what waits on start. Half
   * the time the browser's Background Sync wakes the service worker at the same moment (as Chromium
   * does on its own retry schedule), so both send the same outbox at once.
   */
  async visit(): Promise<void> {
    this.visits++
    this.lastVisit = Date.now()
    // Nobody waits for the browser's sync: the event runs on in the worker while the page loads.
    if (Math.random() < 0.5) void this.backgroundSync()
    await this.app.goto(`${this.baseUrl}/`, { timeout: 30_000 }).catch(() => undefined)
  }

  /** What Chromium does when it retries a pending sync: the `sync` event in the app's service worker. */
  async backgroundSync(): Promise<void> {
    this.syncs++
    const origin = new URL(this.baseUrl).origin
    await this.cdp!.send('ServiceWorker.dispatchSyncEvent', { origin, registrationId: this.registrationId!, tag: 'tsunagu-outbox', lastChance: false }).catch(() => undefined)
  }

  outbox(): Promise<Array<{ id: string; state: string }>> {
    return this.code.evaluate(() => (globalThis as unknown as Global).outboxKill.outbox())
  }

  /**
   * The server is up for good now: the person opens the app, and again whenever nothing has moved
   * for a while, until nothing waits; one more start then clears the delivered entries.
   */
  async drain(deadline: number): Promise<Array<{ id: string; state: string }>> {
    const waiting = async () => (await this.outbox()).filter((e) => e.state === 'pending').length
    let left = await waiting()
    let movedAt = 0
    while (left > 0 && Date.now() < deadline) {
      if (Date.now() - movedAt > 10_000) {
        await this.visit()
        movedAt = Date.now()
      }
      await sleep(500)
      const now = await waiting()
      if (now < left) movedAt = Date.now()
      left = now
    }
    await this.visit()
    while (Date.now() < deadline && (await this.outbox()).length > 0) await sleep(250)
    return this.outbox()
  }

  /** The 「送信待ち」 line as the person sees it on the app's page now. */
  async pendingLine(): Promise<boolean> {
    return (await this.app.getByText('まだ送れていない予約が').count()) > 0
  }

  async close(): Promise<void> {
    await this.context?.close()
    if (this.profile) rmSync(this.profile, { recursive: true, force: true })
  }
}
