import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../tools/chromium'
import { expectNoAxeViolations, readReceipt, walkBooking } from './booking-helpers'
import { certifiedAdmin, statusOf } from './helpers/staff-browser'
import { windowFromNothing, type FreshDeployment } from './helpers/window-from-nothing'

let browser: Browser
let fresh: FreshDeployment
let staff: Awaited<ReturnType<typeof certifiedAdmin>>
const url = (path: string) => new URL(path, fresh.url).href
/** STAFF_SHOTS=<folder> writes the staff guide's screenshots (a developer aid, not an assertion). */
const shot = async (page: Page, name: string) => {
  if (process.env.STAFF_SHOTS) await page.screenshot({ path: `${process.env.STAFF_SHOTS}/${name}.png`, fullPage: true })
}

beforeAll(async () => {
  fresh = await windowFromNothing()
  browser = await launchChromium()
  staff = await certifiedAdmin(browser, fresh)
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await fresh?.close()
})

async function publicPage() {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 360, height: 640 } })
  return { context, page: await context.newPage() }
}

/** The label of the n-th open time in a slot select (「12月7日（月） 09:00〜09:45」). */
async function chooseSlot(page: Page, label: string, nth: number): Promise<string> {
  const select = page.getByLabel(label, { exact: true })
  const option = select.locator('optgroup option').nth(nth)
  await option.waitFor({ state: 'attached' })
  const text = (await option.innerText()).trim()
  await select.selectOption({ label: text })
  return text
}

describe('電話・手紙・来所・訪問で始まった相談と、予約の時間を動かす', () => {
  it('電話の相談を職員が登録し、読み上げた受付番号で、相談者が /status で予約を見る', async () => {
    const { page, problems } = staff
    await page.goto(url('/staff'))
    await page.getByRole('link', { name: '電話などの相談を登録' }).click()
    await page.getByRole('heading', { name: '電話・手紙・来所・訪問の相談を登録', level: 1 }).waitFor()
    await page.getByRole('group', { name: '相談の始まり' }).waitFor()
    await expectNoAxeViolations(page, 'new case form')

    await page.getByRole('button', { name: '暗号化して登録し、受付番号を作る' }).click()
    const summary = page.getByRole('alert').filter({ hasText: '直してほしいところがあります' })
    await summary.waitFor()
    expect(await summary.innerText()).toContain('ニックネームを入れてください')
    await expectNoAxeViolations(page, 'new case form with errors')

    await page.getByRole('group', { name: '相談の始まり' }).getByLabel('電話').check()
    await page.getByRole('group', { name: '相談する人', exact: true }).getByLabel('家族').check()
    await page.getByRole('group', { name: '相談する人と、ご本人の関係' }).getByLabel('親').check()
    await page.getByLabel('ニックネーム（呼び名）').fill('でんわのはは')
    await page.getByLabel('ご本人（当事者）の年代').selectOption({ label: '30代' })
    expect(await page.getByRole('group', { name: '話し方' }).getByLabel('電話').isChecked()).toBe(true)
    const when = await chooseSlot(page, '時間', 3)
    await page.getByLabel('ひきこもり・不登校').check()
    await page.getByLabel('相談の内容・伝えたいこと').fill('息子が10年、家から出ていません。電話で相談。')
    await page.getByLabel(/使う目的（相談に応じるためだけ）/).check()
    await shot(page, 'staff-new-case-form')
    await page.getByRole('button', { name: '暗号化して登録し、受付番号を作る' }).click()

    await page.getByRole('heading', { name: '受付番号を相談者に伝えてください' }).waitFor({ timeout: 30_000 })
    const shown = await page.getByTestId('staff-receipt').innerText()
    const receipt = shown.replace(/\D/g, '')
    expect(receipt).toMatch(/^\d{16}$/)
    expect(shown.split(/\s+/)).toHaveLength(4)
    expect(await page.getByText(when).count()).toBeGreaterThan(0)
    await expectNoAxeViolations(page, 'new case receipt')
    await shot(page, 'staff-new-case-receipt')

    // The printed letter sheet carries the receipt and the way to /status, and no nickname.
    await page.emulateMedia({ media: 'print' })
    const sheet = page.locator('section[lang="ja"]', { hasText: 'うけつけ ばんごう' })
    expect(await sheet.isVisible()).toBe(true)
    const printed = await sheet.innerText()
    expect(printed.replace(/\D/g, '')).toContain(receipt)
    expect(printed).toContain(url('/status'))
    expect(printed).not.toContain('でんわのはは')
    await page.emulateMedia({ media: 'screen' })

    await page.getByRole('link', { name: 'この相談を開く' }).click()
    await page.getByRole('heading', { name: 'でんわのははさんの相談' }).waitFor({ timeout: 30_000 })
    expect(await page.getByText('息子が10年、家から出ていません。電話で相談。').count()).toBe(1)

    const person = await publicPage()
    const view = await statusOf(person.page, fresh.url, receipt)
    expect(view).toContain('予約が決まっています')
    expect(view).toContain(when)
    expect(problems).toEqual([])
    await person.context.close()
  }, 300_000)

  it('職員が予約を空いている別の時間に動かすと、相談者の /status に新しい時間が出て、前の時間は空きにもどる', async () => {
    const person = await publicPage()
    await person.page.goto(url('/book'))
    const booked = await walkBooking(person.page, { asker: 'self', nickname: 'うごかすひと' })
    const receipt = await readReceipt(person.page)
    const before = await statusOf(person.page, fresh.url, receipt)

    const { page, problems } = staff
    await page.goto(url('/staff'))
    const row = page.getByRole('row').filter({ hasText: 'うごかすひと' })
    await row.waitFor({ timeout: 30_000 })
    await row.getByRole('link', { name: 'うごかすひと' }).click()
    await page.getByRole('heading', { name: '予約の時間を動かす' }).waitFor({ timeout: 30_000 })
    const to = await chooseSlot(page, '新しい時間（同じ窓口・同じ話し方の空き）', 5)
    expect(before).not.toContain(to)
    await page.getByRole('button', { name: 'この時間に動かす' }).click()
    await page.getByRole('status').filter({ hasText: `予約を ${to} に動かしました。` }).waitFor()
    await page.getByText(`いまの時間：${to}`).waitFor()
    await shot(page, 'staff-move-booking')
    await expectNoAxeViolations(page, 'case page after a move')

    const after = await statusOf(person.page, fresh.url, receipt)
    expect(after).toContain('予約が決まっています')
    expect(after).toContain(to)
    const open = (await (await fetch(url('/api/windows/toshima/slots?mode=phone'))).json()) as { slots: Array<{ id: string }> }
    expect(open.slots.map((s) => s.id)).toContain(booked.slotId)
    expect(problems).toEqual([])
    await person.context.close()
  }, 300_000)
})
