import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../tools/chromium'
import { expectNoAxeViolations, readReceipt, walkBooking } from './booking-helpers'
import { certifiedAdmin, certifiedColleague } from './helpers/staff-browser'
import { windowFromNothing, type FreshDeployment } from './helpers/window-from-nothing'

let browser: Browser
let fresh: FreshDeployment
const url = (path: string) => new URL(path, fresh.url).href

beforeAll(async () => {
  fresh = await windowFromNothing()
  browser = await launchChromium()
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await fresh?.close()
})

async function book(nickname: string) {
  const person = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 360, height: 640 } })
  const page = await person.newPage()
  await page.goto(url('/book'))
  await walkBooking(page, { asker: 'self', nickname, message: `${nickname}の相談です。` })
  return { person, page, receipt: await readReceipt(page) }
}

describe('鍵のかけ直しと、同意を得てほかの窓口へつなぐ', () => {
  it('新しい同僚は前からの相談を開けない → 管理者が自分の鍵でかけ直す → 読める。もう一人には復旧用の鍵ファイルでかけ直す', async () => {
    const lead = await certifiedAdmin(browser, fresh, 'toshima', 'かんりしゃ')
    const booked = await book('まえからのひと')
    const colleague = await certifiedColleague(browser, fresh, lead.page, 'toshima', 'あたらしいひと')
    await colleague.page.goto(url('/staff'))
    await colleague.page.getByRole('link', { name: /この端末では開けません/ }).first().waitFor({ timeout: 30_000 })
    expect(await colleague.page.getByRole('link', { name: 'まえからのひと' }).count()).toBe(0)

    await lead.page.goto(url('/staff/reseal/toshima'))
    await lead.page.getByText('あたらしいひとさん：開けない相談が1件').waitFor({ timeout: 30_000 })
    await expectNoAxeViolations(lead.page, 'reseal page')
    await lead.page.getByRole('button', { name: '1件の相談の鍵をかけ直す' }).click()
    await lead.page.getByRole('status').filter({ hasText: '1件の相談をかけ直しました。' }).waitFor()
    const bar = lead.page.getByRole('progressbar', { name: 'かけ直しの進み具合' })
    expect(await bar.getAttribute('aria-valuetext')).toBe('1件中1件')
    await expectNoAxeViolations(lead.page, 'reseal done')

    await colleague.page.reload()
    await colleague.page.getByRole('link', { name: 'まえからのひと' }).click()
    await colleague.page.getByRole('heading', { name: 'まえからのひとさんの相談' }).waitFor()
    await colleague.page.getByText('まえからのひとの相談です。').waitFor()

    // Another newcomer; the administrator opens the cases with the window's recovery key file this time.
    const second = await certifiedColleague(browser, fresh, lead.page, 'toshima', 'ふたりめ')
    await lead.page.goto(url('/staff/reseal/toshima'))
    await lead.page.getByText('ふたりめさん：開けない相談が1件').waitFor({ timeout: 30_000 })
    await lead.page.getByRole('radio', { name: '復旧用の鍵ファイル（管理者）' }).check()
    await lead.page.getByLabel('復旧用の鍵ファイル（.json）').setInputFiles(fresh.certificationFile('toshima'))
    await lead.page.getByRole('button', { name: '1件の相談の鍵をかけ直す' }).click()
    await lead.page.getByRole('alert').filter({ hasText: 'この窓口の復旧用の鍵ファイルではありません。' }).waitFor()
    await lead.page.getByLabel('復旧用の鍵ファイル（.json）').setInputFiles(fresh.certificationFile('toshima').replace('certification-key', 'recovery-key'))
    await lead.page.getByRole('button', { name: '1件の相談の鍵をかけ直す' }).click()
    await lead.page.getByRole('status').filter({ hasText: '1件の相談をかけ直しました。' }).waitFor()
    await second.page.goto(url('/staff'))
    await second.page.getByRole('link', { name: 'まえからのひと' }).waitFor({ timeout: 30_000 })

    expect([...lead.problems, ...colleague.problems, ...second.problems]).toEqual([])
    await Promise.all([lead.context.close(), colleague.context.close(), second.context.close(), booked.person.close()])
  }, 300_000)

  it('同意を記録すると「ほかの窓口へつなぐ」が出る → 文京区が一覧で読み、本人の /status に新しい窓口が出る。取り消された豊島区の人の鍵は封筒に残らない', async () => {
    const lead = await certifiedAdmin(browser, fresh, 'toshima', 'つなぐひと')
    const leaving = await certifiedColleague(browser, fresh, lead.page, 'toshima', 'やめるひと')
    const bunkyo = await certifiedAdmin(browser, fresh, 'bunkyo', 'ぶんきょう')
    const booked = await book('つながるひと')

    await lead.page.goto(url('/staff'))
    await lead.page.getByRole('link', { name: 'つながるひと' }).click()
    await lead.page.getByRole('heading', { name: 'つながるひとさんの相談' }).waitFor()
    await lead.page.getByText('同意を記録すると、ほかの窓口へつなげます。').waitFor()
    expect(await lead.page.getByRole('button', { name: 'ほかの窓口へつなぐ' }).count()).toBe(0)
    await lead.page.getByLabel('同意の得かた').selectOption({ label: '電話' })
    await lead.page.getByLabel('同意の内容（どこへ、何を伝えるか）').fill('文京区ひきこもり支援センターに相談の内容を伝えて引き継ぐこと')
    await lead.page.getByRole('button', { name: '同意を保存する' }).click()
    await lead.page.getByRole('status').filter({ hasText: '同意を記録しました。' }).waitFor()
    await expectNoAxeViolations(lead.page, 'case with consent')

    const leavingKey = await lead.page.evaluate(async () => {
      const members = (await (await fetch('/api/staff/windows/toshima/members')).json()) as { members: Array<{ displayName: string; keys: Array<{ keyId: string }> }> }
      return members.members.find((m) => m.displayName === 'やめるひと')?.keys[0]?.keyId ?? ''
    })
    expect(leavingKey).not.toBe('')

    await lead.page.getByLabel('つなぎ先の窓口').selectOption({ label: '文京区ひきこもり支援センター' })
    await lead.page.getByRole('button', { name: 'ほかの窓口へつなぐ' }).click()
    await lead.page.getByRole('status').filter({ hasText: '文京区ひきこもり支援センターへつなぎました。' }).waitFor()

    // The colleague who leaves is revoked; the case is no longer toshima's.
    await lead.page.goto(url('/staff/admin/toshima'))
    await lead.page.getByRole('button', { name: /やめるひと/ }).click()
    await lead.page.getByRole('status').filter({ hasText: /やめるひと/ }).waitFor()
    await lead.page.goto(url('/staff'))
    await lead.page.getByRole('heading', { name: '相談の一覧' }).waitFor()
    expect(await lead.page.getByRole('link', { name: 'つながるひと' }).count()).toBe(0)
    await leaving.page.goto(url('/staff'))
    await leaving.page.getByRole('button', { name: /パスキーでサインイン/ }).waitFor()

    await bunkyo.page.goto(url('/staff'))
    await bunkyo.page.getByRole('link', { name: 'つながるひと' }).click({ timeout: 30_000 })
    await bunkyo.page.getByText('豊島区ひきこもり相談窓口からつながれた相談です。').waitFor()
    await bunkyo.page.getByText('つながるひとの相談です。').waitFor()
    await bunkyo.page.getByText('文京区ひきこもり支援センターに相談の内容を伝えて引き継ぐこと').first().waitFor()
    await expectNoAxeViolations(bunkyo.page, 'handed-over case')
    const recipients = await bunkyo.page.evaluate(async () => {
      const list = (await (await fetch('/api/staff/windows/bunkyo/cases')).json()) as { cases: Array<{ envelope: { recipients: Array<{ keyId: string }> } }> }
      return list.cases.flatMap((c) => c.envelope.recipients.map((r) => r.keyId))
    })
    expect(recipients).toHaveLength(2)
    expect(recipients).not.toContain(leavingKey)

    await bunkyo.page.getByRole('link', { name: 'つなぐシートを印刷する' }).click()
    await bunkyo.page.getByRole('heading', { name: '「つなぐ」シート 相談申込・受付票' }).waitFor()
    await bunkyo.page.getByRole('cell', { name: 'つながるひと' }).waitFor()
    await expectNoAxeViolations(bunkyo.page, 'tsunagu sheet')

    await booked.page.goto(url('/status'))
    await booked.page.getByRole('textbox', { name: '受付番号（16けた）' }).fill(booked.receipt)
    await booked.page.getByRole('button', { name: '確かめる' }).click()
    await booked.page.getByText(/豊島区ひきこもり相談窓口から文京区ひきこもり支援センターに引き継ぎました/).waitFor({ timeout: 30_000 })
    await expectNoAxeViolations(booked.page, 'status after hand-over')

    expect([...lead.problems, ...bunkyo.problems]).toEqual([])
    await Promise.all([lead.context.close(), leaving.context.close(), bunkyo.context.close(), booked.person.close()])
  }, 300_000)
})
