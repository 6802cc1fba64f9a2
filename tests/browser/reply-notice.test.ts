import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningServer } from '../../src/server/node'
import { encryptReply } from '../../src/shared/crypto/reply'
import { startTestNodeServer } from '../server/helpers/node-server'
import { launchChromium } from '../tools/chromium'
import { expectNoAxeViolations, PHONE } from './booking-helpers'
import { waitForApp } from './helpers/app'
import { bookWithReceipt } from './helpers/receipt-booking'

vi.setConfig({ testTimeout: 180_000 })

let server: RunningServer
let dataDir: string
let browser: Browser

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-notice-'))
  // The test deployment pins a certification key and certifies a staff key, so bookings can be sealed.
  server = await startTestNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: resolve(import.meta.dirname, '../../dist') })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** A staff reply as the staff pages will store it (the envelope's content does not matter here). */
async function staffReplies(requestId: string, replyKey: string) {
  const at = new Date().toISOString()
  const messageId = crypto.randomUUID()
  const envelope = await encryptReply(replyKey, { v: 1, text: 'お返事です', writtenAt: at }, { requestId, messageId })
  await server.store.addMessage(requestId, { id: messageId, from: 'staff', sentAt: at, envelope: JSON.stringify(envelope) }, at, at)
}

async function openStatus(context: BrowserContext, receipt: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${server.url}/status`)
  await page.getByRole('textbox', { name: '受付番号（16けた）' }).fill(receipt)
  await page.getByRole('button', { name: '確かめる' }).click()
  await page.getByRole('heading', { name: 'あなたの予約' }).waitFor({ timeout: 30_000 })
  return page
}

const databases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))
const NOTICE = '新しいお知らせがあります。'

describe('この端末で返事を知らせる（オプトイン）', () => {
  it('オンにすると、窓口の返事のあとアプリを開いたときに、中身を言わないお知らせが出る。読むと消える。取り消すと端末から消える', async () => {
    const { receipt, requestId, replyKey } = await bookWithReceipt(server.url, 'letter')
    const context = await browser.newContext({ viewport: PHONE, locale: 'ja-JP' })
    const page = await openStatus(context, receipt)
    const toggle = page.getByRole('checkbox', { name: 'この端末で返事を知らせる' })
    expect(await toggle.isChecked()).toBe(false)
    await toggle.check()
    await expect.poll(() => databases(page)).toContain('tsunagu-notice')
    await expectNoAxeViolations(page, '/status with the notice on')
    const stored = await page.evaluate(async () => {
      const open = indexedDB.open('tsunagu-notice')
      const db = await new Promise<IDBDatabase>((done) => (open.onsuccess = () => done(open.result)))
      const read = db.transaction('watches').objectStore('watches').getAll()
      return JSON.stringify(await new Promise((done) => (read.onsuccess = () => done(read.result))))
    })
    expect(stored).not.toContain(receipt)
    expect(stored).toContain('lookupId')

    await page.goto(`${server.url}/`)
    await waitForApp(page)
    await page.waitForTimeout(1500)
    expect(await page.getByText(NOTICE).count()).toBe(0)

    await staffReplies(requestId, replyKey)
    await page.goto(`${server.url}/`)
    await waitForApp(page)
    await page.getByRole('status').filter({ hasText: NOTICE }).waitFor({ timeout: 15_000 })
    expect(await page.getByRole('status').filter({ hasText: NOTICE }).textContent()).not.toMatch(/相談|窓口|ひきこもり/)
    await expectNoAxeViolations(page, 'home with the notice')

    await page.getByRole('link', { name: '予約を確かめる' }).click()
    await page.getByRole('textbox', { name: '受付番号（16けた）' }).fill(receipt)
    await page.getByRole('button', { name: '確かめる' }).click()
    await page.getByRole('heading', { name: 'あなたの予約' }).waitFor({ timeout: 30_000 })
    await expect.poll(() => page.getByRole('checkbox', { name: 'この端末で返事を知らせる' }).isChecked()).toBe(true)
    await page.waitForTimeout(500)
    await page.goto(`${server.url}/who-can-consult`)
    await waitForApp(page)
    await page.waitForTimeout(1500)
    expect(await page.getByText(NOTICE).count()).toBe(0)

    const again = await openStatus(context, receipt)
    await again.getByRole('button', { name: '予約を取り消す' }).click()
    await again.getByRole('button', { name: '取り消す', exact: true }).click()
    await expect.poll(() => databases(again), { timeout: 15_000 }).not.toContain('tsunagu-notice')
    await context.close()
  })

  it('オフ（はじめのまま）なら、返事があってもお知らせは出ず、端末には何も残らない', async () => {
    const { receipt, requestId, replyKey } = await bookWithReceipt(server.url, 'letter')
    const context = await browser.newContext({ viewport: PHONE, locale: 'ja-JP' })
    const page = await openStatus(context, receipt)
    await staffReplies(requestId, replyKey)
    await page.goto(`${server.url}/`)
    await waitForApp(page)
    await page.waitForTimeout(2000)
    expect(await page.getByText(NOTICE).count()).toBe(0)
    expect(await databases(page)).not.toContain('tsunagu-notice')
    await context.close()
  })
})
