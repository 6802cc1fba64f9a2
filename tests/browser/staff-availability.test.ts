import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../tools/chromium'
import { expectNoAxeViolations, readReceipt, walkBooking } from './booking-helpers'
import { certifiedAdmin, goTo } from './helpers/staff-browser'
import { windowFromNothing, type FreshDeployment } from './helpers/window-from-nothing'

let browser: Browser
let fresh: FreshDeployment

beforeAll(async () => {
  fresh = await windowFromNothing()
  browser = await launchChromium()
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await fresh?.close()
})

const phoneSlots = async () => {
  const response = await fetch(new URL('/api/windows/toshima/slots?mode=phone', fresh.url))
  return ((await response.json()) as { slots: Array<{ id: string; start: string }> }).slots
}

describe('職員が受付枠を変え、休む日を取り消す', () => {
  it('電話の枠を毎日 7:05 にすると /book の枠が変わる → その日を休みにすると、予約した人の /status に理由が出て、案件に「ご本人に知らせてください」が出る', async () => {
    const staff = await certifiedAdmin(browser, fresh)
    const { page } = staff
    expect((await phoneSlots()).some((s) => s.start.includes('T07:05'))).toBe(false)

    await goTo(page, fresh, '/staff')
    await page.getByRole('link', { name: '受付枠' }).click()
    await page.getByRole('heading', { name: '受付枠（豊島区ひきこもり相談窓口）' }).waitFor()
    await page.getByRole('heading', { name: '電話', level: 2 }).waitFor()
    await expectNoAxeViolations(page, 'staff availability')

    // By keyboard: the mode radios move with the arrow keys.
    await page.getByRole('radio', { name: '電話' }).focus()
    await page.keyboard.press('ArrowRight')
    await page.getByRole('heading', { name: '来所', level: 2 }).waitFor()
    await page.keyboard.press('ArrowLeft')
    await page.getByRole('heading', { name: '電話', level: 2 }).waitFor()

    const first = page.getByRole('group', { name: '時間帯 1', exact: true })
    for (const day of ['土', '日']) await first.getByRole('checkbox', { name: day, exact: true }).check()
    await first.getByLabel('開始').fill('07:05')
    await first.getByLabel('終了').fill('07:35')
    await first.getByLabel('1回の長さ（分）').fill('30')
    await first.getByLabel('次の枠までのあき（分）').fill('0')
    await page.getByRole('button', { name: '時間帯 2 を消す' }).click()
    await page.getByLabel('予約の締め切り').selectOption({ label: '締め切りなし' })
    await page.getByRole('button', { name: '保存して枠を作り直す' }).click()
    await page.getByRole('status').filter({ hasText: /^保存しました。新しい枠 \d+件、消した空き枠 \d+件。/ }).waitFor()
    await expectNoAxeViolations(page, 'staff availability after saving')

    const after = await phoneSlots()
    expect(after.length).toBeGreaterThan(0)
    for (const slot of after) expect(slot.start).toMatch(/T07:05:00\+09:00$/)

    // The person books on /book: the first time offered is a 7:05 one, which did not exist before.
    const person = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 360, height: 640 } })
    const personPage = await person.newPage()
    await personPage.goto(new URL('/book', fresh.url).href)
    const { slotId } = await walkBooking(personPage, { asker: 'self', nickname: 'あおい' })
    expect(slotId).toMatch(/^toshima-phone-\d{8}-0705$/)
    const receipt = await readReceipt(personPage)

    // A colleague falls ill: the day is cancelled from the slot list.
    await page.reload()
    await page.getByRole('heading', { name: 'これからの枠' }).waitFor()
    const row = page.locator(`tr[data-slot-id="${slotId}"]`)
    expect(await row.count(), (await page.locator('main').innerText()).slice(0, 3000)).toBe(1)
    // Days are folded; the folded line already says which day holds a booking.
    const day = page.locator('details', { has: row })
    const summary = day.locator('summary')
    expect(await summary.innerText()).toMatch(/枠 \d+・予約 1$/)
    await summary.focus()
    await page.keyboard.press('Enter')
    expect(await row.innerText()).toContain('予約あり')
    await day.getByRole('button', { name: /を休みにする$/ }).click()
    await page.getByRole('status').filter({ hasText: '予約 1件が「連絡待ち」になりました。' }).waitFor()
    expect(staff.dialogs.at(-1)).toContain('職員の都合')
    expect(await page.locator(`tr[data-slot-id="${slotId}"]`).count()).toBe(0)

    // The person sees why on /status, in plain words, and that they are waiting for contact again.
    await personPage.goto(new URL('/status', fresh.url).href)
    await personPage.getByRole('textbox', { name: '受付番号（16けた）' }).fill(receipt)
    await personPage.getByRole('button', { name: '確かめる' }).click()
    const notice = personPage.getByTestId('slot-notice')
    await notice.waitFor({ timeout: 30_000 })
    expect(await notice.innerText()).toMatch(/7:05|07:05/)
    expect(await notice.innerText()).toContain('窓口の職員の都合で取り消しになりました')
    await personPage.getByText('受け付けました。窓口からの連絡を待っています').waitFor()
    await personPage.getByText('時間はまだ決めていません').waitFor()
    await expectNoAxeViolations(personPage, '/status with a cancelled time')

    // The case asks staff to tell the person, until someone has.
    await goTo(page, fresh, '/staff')
    const inboxRow = page.getByRole('row').filter({ hasText: 'あおい' })
    await inboxRow.waitFor({ timeout: 30_000 })
    expect(await inboxRow.innerText()).toContain('知らせる')
    await inboxRow.getByRole('link', { name: 'あおい' }).click()
    const flag = page.getByTestId('tell-person')
    await flag.getByText('ご本人に知らせてください').waitFor()
    await expectNoAxeViolations(page, 'staff case with a cancelled time')
    await flag.getByRole('button', { name: '知らせました' }).click()
    await page.getByText('相談した人には知らせました。', { exact: false }).waitFor()
    expect(await page.getByTestId('tell-person').count()).toBe(0)

    expect(staff.problems).toEqual([])
    await Promise.all([staff.context.close(), person.close()])
  }, 300_000)
})
