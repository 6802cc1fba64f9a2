import AxeBuilder from '@axe-core/playwright'
import { expect } from 'vitest'
import type { BrowserContext, Locator, Page } from 'playwright-core'

export const PHONE = { width: 360, height: 640 }
const SHOTS = process.env.BOOKING_SHOTS

/** axe with the WCAG 2.0/2.1/2.2 A and AA rules; the message lists what failed and where. */
export async function expectNoAxeViolations(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(found, `axe on ${where}`).toEqual([])
}

/** Phone-size screenshots of each step when BOOKING_SHOTS names a folder (a developer aid, not an assertion). */
export async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

/** Every request the page makes must go to our own origin: no CDN, no analytics, no fonts. */
export function watchOrigins(context: BrowserContext, baseUrl: string): string[] {
  const foreign: string[] = []
  const origin = new URL(baseUrl).origin
  context.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url)
  })
  return foreign
}

export async function next(page: Page) {
  await page.getByRole('button', { name: '次へ' }).click()
}

export interface Walk {
  asker: 'self' | 'family'
  nickname: string
  message?: string
  axe?: boolean
  prefix?: string
  /** Runs on the review step just before 送信する (e.g. to cut the network). */
  beforeSend?: () => Promise<void>
}

/** Fills the seven steps by mouse (role and name, as a person reads them) and sends. */
export async function walkBooking(page: Page, walk: Walk) {
  const check = async (step: string) => {
    if (walk.axe) await expectNoAxeViolations(page, step)
    await shot(page, `${walk.prefix ?? walk.asker}-${step}`)
  }
  await page.getByRole('heading', { name: 'どなたのことですか？' }).waitFor()
  await check('1-who')
  if (walk.asker === 'family') {
    await page.getByRole('radio', { name: '家族のこと' }).check()
    await page.getByRole('radio', { name: '親（わたしは、その方の父か母です）', exact: true }).check()
  } else {
    await page.getByRole('radio', { name: '自分のこと' }).check()
  }
  await next(page)
  await page.getByRole('textbox', { name: /ニックネーム/ }).waitFor()
  await check('2-nickname')
  await page.getByRole('textbox', { name: /ニックネーム/ }).fill(walk.nickname)
  await page.getByRole('radio', { name: walk.asker === 'family' ? '20代' : '10代' }).check()
  await next(page)
  await page.getByRole('radio', { name: '電話' }).waitFor()
  await check('3-mode')
  await page.getByRole('radio', { name: '電話' }).check()
  await next(page)
  await page.getByRole('radio', { name: /豊島区/ }).waitFor()
  await check('4-window')
  await page.getByRole('radio', { name: /豊島区/ }).check()
  await next(page)
  const firstDay = page.getByRole('group', { name: /\d+月\d+日（.）/ }).first()
  await firstDay.waitFor()
  await check('5-slot')
  const slot = firstDay.getByRole('radio').first()
  const slotLabel = (await slot.getAttribute('value')) ?? ''
  await slot.check()
  await next(page)
  await page.getByRole('textbox', { name: /伝えたいこと|様子/ }).waitFor()
  await check('6-details')
  if (walk.message) await page.getByRole('textbox', { name: /伝えたいこと|様子/ }).fill(walk.message)
  await next(page)
  await page.getByRole('heading', { name: '送る前に確かめてください' }).waitFor()
  await check('7-review')
  await page.getByRole('checkbox', { name: '上のことを読んで、同意します' }).check()
  await walk.beforeSend?.()
  await page.getByRole('button', { name: '送信する' }).click()
  return { slotId: slotLabel }
}

/** The receipt as shown on the confirmation screen (digits only). */
export async function readReceipt(page: Page): Promise<string> {
  const text = await page.locator('p:visible', { hasText: /\d{4} \d{4} \d{4} \d{4}/ }).first().textContent()
  const digits = (text ?? '').replace(/\D/g, '').slice(-16)
  expect(digits).toMatch(/^\d{16}$/)
  return digits
}

export async function finishConfirmation(page: Page) {
  await page.getByRole('checkbox', { name: /受付番号をメモしました/ }).check()
  await page.getByRole('button', { name: '終わる' }).click()
}

export async function checkStatus(page: Page, baseUrl: string, receipt: string) {
  await page.goto(`${baseUrl}/status`)
  await page.getByRole('textbox', { name: '受付番号（16けた）' }).fill(receipt)
  await page.getByRole('button', { name: '確かめる' }).click()
  await page.getByRole('heading', { name: 'あなたの予約' }).waitFor({ timeout: 20_000 })
}

/** Presses Tab until `target` has focus (keyboard only: no clicks, no programmatic focus). */
export async function tabTo(page: Page, target: Locator, limit = 120) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${String(target)}`)
}
