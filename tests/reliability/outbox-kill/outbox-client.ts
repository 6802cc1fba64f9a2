import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Slot } from '../../../src/shared/schemas/requests'
import type { ClientBooking, ClientOutcome } from './outbox-entry'

/** What every client saw on the wire, from Chromium's side (pages and service worker alike). */
export interface Wire {
  /** Request ids of every 201 a client saw, once per 201 (a replayed answer counts again). */
  created201: string[]
  /** Who sent each 201'd POST: the form's code, the app's page on start, or the service worker (Background Sync). */
  by: { form: number; appStart: number; serviceWorker: number }
  serverErrors: number
  /** First moment (ms) a POST of each request id died without an answer: the server was killed under it. */
  failedAt: Map<string, number>
  failedPosts: number
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
  private context!: BrowserContext
  private app!: Page
  private code!: Page

  constructor(
    private readonly baseUrl: string,
    private readonly slots: Slot[],
    private readonly wire: Wire,
  ) {}

  async open(browser: Browser, submitCode: string): Promise<void> {
    this.context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
    this.context.on('response', (response) => {
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
    this.context.on('requestfailed', (request) => {
      if (!isBookingPost(request.method(), request.url())) return
      this.wire.failedPosts++
      const id = requestIdOf(request.postData())
      if (id && !this.wire.failedAt.has(id)) this.wire.failedAt.set(id, Date.now())
    })
    this.app = await this.context.newPage()
    await this.app.goto(`${this.baseUrl}/`)
    // A page of the app's origin that does not start the app: only the form's code runs there.
    this.code = await this.context.newPage()
    await this.code.goto(`${this.baseUrl}/api/config`)
    await this.code.evaluate(`${submitCode}; void 0`)
  }

  /** Books in a loop until `running()` turns false; after a send that stays queued, the person opens the app again a little later. */
  async run(running: () => boolean, slotEvery: number, counter: () => number): Promise<void> {
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
        await sleep(300 + Math.random() * 1200)
        await this.visit()
      }
    }
  }

  /** The person opens the app again (a reload of its page): the app sends what waits on start. */
  async visit(): Promise<void> {
    this.visits++
    await this.app.goto(`${this.baseUrl}/`, { timeout: 30_000 }).catch(() => undefined)
  }

  outbox(): Promise<Array<{ id: string; state: string }>> {
    return this.code.evaluate(() => (globalThis as unknown as Global).outboxKill.outbox())
  }

  /** Visits until nothing waits (the server is up for good now), then once more, which clears the delivered entries. */
  async drain(deadline: number): Promise<Array<{ id: string; state: string }>> {
    while (Date.now() < deadline && (await this.outbox()).some((e) => e.state === 'pending')) {
      await this.visit()
      await sleep(1000)
    }
    await this.visit()
    while (Date.now() < deadline && (await this.outbox()).length > 0) await sleep(250)
    return this.outbox()
  }

  /** The 「送信待ち」 line as the person sees it on the app's page now. */
  async pendingLine(): Promise<boolean> {
    return (await this.app.getByText('まだ送れていない予約が').count()) > 0
  }

  close(): Promise<void> {
    return this.context.close()
  }
}
