import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { build } from 'vite'
import type { Slot } from '../../../src/shared/schemas/requests'
import { launchChromium } from '../../tools/chromium'
import { markersFor, type MarkedRequest } from './markers'
import type { PageBooking, PageOutcome } from './submit-entry'

const root = resolve(import.meta.dirname, '../../..')

/**
 * The app's submit code (src/features/booking/submit-booking.ts and the status page's follow-up),
 * bundled as one script with the same aliases as the app's build, pinning the keys of the
 * deployment the served app was built with. `entry`'s exports become the global `name`.
 */
export async function bundleSubmitCode(deploymentPath: string, entry = join(import.meta.dirname, 'submit-entry.ts'), name = 'plaintextSubmit'): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'tsunagu-plaintext-bundle-'))
  try {
    await build({
      configFile: false,
      root,
      logLevel: 'error',
      resolve: {
        alias: [
          { find: '@/shared/config/deployment.json', replacement: deploymentPath },
          { find: '@', replacement: join(root, 'src') },
        ],
      },
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        lib: { entry, formats: ['iife'], name, fileName: () => 'submit.js' },
      },
    })
    return await readFile(join(outDir, 'submit.js'), 'utf8')
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}

export interface DriveOptions {
  baseUrl: string
  run: string
  /** Numbers of the requests to send; each gets its own markers. */
  from: number
  count: number
  /** Every n-th request walks the seven steps of /book by mouse; the rest call the form's code in a page. */
  uiEvery: number
  slotEvery: number
  followUpEvery: number
  submitCode: string
}

export interface Driven {
  marked: MarkedRequest[]
  delivered: string[]
  ui: number
  slots: number
  followUps: number
  failures: string[]
}

type Label = RegExp | string

async function next(page: Page) {
  await page.getByRole('button', { name: '次へ' }).click()
}

/** The public form by mouse, as a family member fills it in, with markers in every text field. */
async function walkForm(page: Page, baseUrl: string, m: MarkedRequest, withSlot: boolean, contact: 'email' | 'phone') {
  const radio = (name: Label) => page.getByRole('radio', { name, exact: typeof name === 'string' })
  await page.goto(`${baseUrl}/book`)
  await page.getByRole('heading', { name: 'どなたのことですか？' }).waitFor({ timeout: 30_000 })
  await radio('家族のこと').check()
  await radio('親（わたしは、その方の父か母です）').check()
  await next(page)
  await page.getByRole('textbox', { name: /ニックネーム/ }).fill(m.nickname)
  await radio('20代').check()
  await next(page)
  await radio('電話').check()
  await next(page)
  await radio(/豊島区/).check()
  await next(page)
  const later = radio('今は選ばない（連絡を待つ）')
  await later.waitFor({ timeout: 30_000 })
  if (withSlot) await page.getByRole('group', { name: /\d+月\d+日（.）/ }).first().getByRole('radio').first().check()
  else await later.check()
  await next(page)
  await page.getByRole('textbox', { name: /伝えたいこと|様子/ }).fill(m.message)
  if (contact === 'email') {
    await radio('メール').check()
    await page.getByRole('textbox', { name: /メールアドレス/ }).fill(m.email)
  } else {
    await page.getByRole('group', { name: /連絡/ }).getByRole('radio', { name: '電話', exact: true }).check()
    await page.getByRole('textbox', { name: /^電話番号/ }).fill(m.phone)
    await page.getByRole('textbox', { name: /電話してよい時間/ }).fill(m.safeTimes)
  }
  await next(page)
  await page.getByRole('checkbox', { name: '上のことを読んで、同意します' }).check()
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/requests', { timeout: 60_000 })
  await page.getByRole('button', { name: '送信する' }).click()
  const response = await answer
  await page.getByRole('heading', { name: /予約が決まりました|受け付けました/ }).waitFor({ timeout: 30_000 })
  return { status: response.status(), requestId: (JSON.parse(response.request().postData() ?? '{}') as { requestId?: string }).requestId }
}

async function openSlots(baseUrl: string): Promise<Slot[]> {
  const slots: Slot[] = []
  for (const windowId of ['toshima', 'bunkyo']) {
    const answer = (await (await fetch(`${baseUrl}/api/windows/${windowId}/slots`)).json()) as { slots: Slot[] }
    // 豊島区's phone times are left to the walks by mouse.
    slots.push(...answer.slots.filter((s) => s.windowId !== 'toshima' || s.mode !== 'phone'))
  }
  return slots
}

/** Sends `count` marked requests from real headless Chromium: a share through the form, the rest through its code. */
export async function driveRequests(o: DriveOptions, browser?: Browser): Promise<Driven> {
  const own = browser ? null : await launchChromium()
  const chromium = browser ?? own!
  const result: Driven = { marked: [], delivered: [], ui: 0, slots: 0, followUps: 0, failures: [] }
  const slots = await openSlots(o.baseUrl)
  const options = { viewport: { width: 360, height: 640 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' }
  const form = await chromium.newContext(options)
  const coded = await chromium.newContext(options)
  try {
    const formPage = await form.newPage()
    // A page of the app's origin that does not start the app, so only this code touches the outbox.
    const codePage = await coded.newPage()
    await codePage.goto(`${o.baseUrl}/api/config`)
    await codePage.evaluate(`${o.submitCode}; void 0`)
    const pending: Array<Promise<void>> = []
    for (let i = o.from; i < o.from + o.count; i++) {
      const m = markersFor(o.run, i)
      result.marked.push(m)
      const contact = i % 2 === 0 ? 'email' : 'phone'
      const wantsSlot = i % o.slotEvery === 0
      if (i % o.uiEvery === 0) {
        // Every other walk by mouse takes a phone time at 豊島区, the rest wait for contact.
        const withSlot = wantsSlot && (i / o.uiEvery) % 2 === 0
        const sent = await walkForm(formPage, o.baseUrl, m, withSlot, contact).catch((e: Error) => ({ status: 0, requestId: undefined, error: e.message }))
        if (sent.status === 201 && sent.requestId) result.delivered.push(sent.requestId)
        else result.failures.push(`form #${i}: ${sent.status} ${'error' in sent ? sent.error : ''}`)
        result.ui++
        if (withSlot) result.slots++
        continue
      }
      const slot = wantsSlot ? (slots.pop() ?? null) : null
      const booking: PageBooking = { marked: m, windowId: slot?.windowId ?? (i % 3 === 0 ? 'bunkyo' : 'toshima'), slot, contact, followUp: i % o.followUpEvery === 0 }
      pending.push(
        codePage
          .evaluate((b) => (globalThis as unknown as { plaintextSubmit: { book(b: PageBooking): Promise<PageOutcome> } }).plaintextSubmit.book(b), booking)
          .then((out) => {
            if (out.outcome === 'delivered' && out.requestId) result.delivered.push(out.requestId)
            else result.failures.push(`code #${i}: ${out.outcome}`)
            if (slot) result.slots++
            if (out.followUp === 'ok') result.followUps++
            else if (booking.followUp) result.failures.push(`follow-up #${i}: ${out.followUp}`)
          }),
      )
      // A few at a time: the receipt's PBKDF2 runs off the page's thread, so they overlap.
      if (pending.length >= 4) await Promise.all(pending.splice(0))
    }
    await Promise.all(pending)
  } finally {
    await form.close()
    await coded.close()
    await own?.close()
  }
  return result
}
