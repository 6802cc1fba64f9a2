import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../tools/chromium'
import { expectNoAxeViolations, readReceipt, walkBooking } from './booking-helpers'
import { certifyKey, joinByInvite, staffPage } from './helpers/staff-browser'
import { admin, windowFromNothing, type FreshDeployment } from './helpers/window-from-nothing'

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

describe('窓口を何もないところから始め、職員が相談を読んで返事をする', () => {
  it('init-window → 招待 → パスキー → 鍵の認証 → 家族からの予約が一覧で読める → 返事 → 本人が /status で読む → 追加のメッセージが届く → 相談記録（本人には見えない）→ 報告の表に数が出る', async () => {
    // The first administrator: invited from the terminal, as the README says.
    const firstInvite = (await admin(['invite', '--window', 'toshima', '--role', 'admin', '--origin', fresh.url], { DATA_DIR: fresh.dataDir })).trim().split('\n').at(-1) ?? ''
    const lead = await staffPage(browser)
    const leadNumber = await joinByInvite(lead.page, firstInvite, 'かんりしゃ')
    await certifyKey(lead.page, fresh, 'toshima', leadNumber)

    // A colleague, invited from the administrator's page.
    await lead.page.getByRole('button', { name: '招待リンクを作る' }).click()
    const colleagueInvite = (await lead.page.locator('code').filter({ hasText: '/staff/join#' }).innerText()).trim()
    const colleague = await staffPage(browser)
    const colleagueNumber = await joinByInvite(colleague.page, colleagueInvite, 'たなか')
    await colleague.page.getByText(/まだ使えません/).waitFor()
    await certifyKey(lead.page, fresh, 'toshima', colleagueNumber)

    // A mother books about her child through the public form.
    const person = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 360, height: 640 } })
    const personPage = await person.newPage()
    await personPage.goto(url('/book'))
    await walkBooking(personPage, { asker: 'family', nickname: 'はなのはは', message: '息子が部屋から出てきません。<img src=x onerror=alert(1)>' })
    const receipt = await readReceipt(personPage)

    // The colleague's inbox decrypts it on the device.
    await colleague.page.goto(url('/staff'))
    const row = colleague.page.getByRole('row').filter({ hasText: 'はなのはは' })
    await row.waitFor({ timeout: 30_000 })
    expect(await row.innerText()).toContain('家族（親）')
    await expectNoAxeViolations(colleague.page, 'staff inbox')
    await row.getByRole('link', { name: 'はなのはは' }).click()
    await colleague.page.getByRole('heading', { name: 'はなのははさんの相談' }).waitFor()
    expect(await colleague.page.getByText('<img src=x onerror=alert(1)>', { exact: false }).count()).toBe(1)
    await colleague.page.getByLabel('相談者への返事').fill('お電話でお話しできます。ご都合のよい時間にお待ちしています。')
    await colleague.page.getByRole('button', { name: '返事を送る' }).click()
    await colleague.page.getByRole('status').filter({ hasText: '返事を送りました。' }).waitFor()
    await expectNoAxeViolations(colleague.page, 'staff case')

    // The person reads the reply with the receipt, and writes back.
    await personPage.goto(url('/status'))
    await personPage.getByRole('textbox', { name: '受付番号（16けた）' }).fill(receipt)
    await personPage.getByRole('button', { name: '確かめる' }).click()
    await personPage.getByText('お電話でお話しできます。').waitFor({ timeout: 30_000 })
    await personPage.getByRole('textbox', { name: 'メッセージ' }).fill('夕方なら電話に出られます。')
    await personPage.getByRole('button', { name: '送る', exact: true }).click()
    await personPage.getByText('送りました。').waitFor({ timeout: 20_000 })

    // The follow-up appears in the case, after the reply.
    await colleague.page.reload()
    await colleague.page.getByText('夕方なら電話に出られます。').waitFor({ timeout: 20_000 })
    const thread = await colleague.page.getByRole('list').filter({ hasText: '窓口の返事' }).innerText()
    expect(thread.indexOf('お電話でお話しできます。')).toBeLessThan(thread.indexOf('夕方なら電話に出られます。'))

    // Two contacts go into the case's log; the person never sees them; the reports count them.
    const logContact = async (method: string, who: string, notes: string) => {
      await colleague.page.getByLabel('方法').selectOption({ label: method })
      await colleague.page.getByRole('group', { name: '参加した人' }).getByLabel(who).check()
      await colleague.page.getByLabel('メモ（なくてもよい）').fill(notes)
      await colleague.page.getByRole('button', { name: '記録する' }).click()
      await colleague.page.getByRole('status').filter({ hasText: '相談記録をつけました。' }).waitFor()
      await colleague.page.getByText(notes).waitFor()
    }
    await logContact('訪問', '親', '自宅を訪問、母と話した')
    await logContact('電話', '当事者', '本人と電話で少し話せた')
    await expectNoAxeViolations(colleague.page, 'staff case with contact log')
    await personPage.reload()
    await personPage.getByRole('textbox', { name: '受付番号（16けた）' }).fill(receipt)
    await personPage.getByRole('button', { name: '確かめる' }).click()
    await personPage.getByText('お電話でお話しできます。').waitFor({ timeout: 20_000 })
    expect(await personPage.getByText('自宅を訪問').count()).toBe(0)

    await colleague.page.getByRole('link', { name: '報告の表' }).click()
    const methods = colleague.page.getByRole('table', { name: /^相談手法別実績/ })
    await methods.waitFor({ timeout: 30_000 })
    const cellOf = async (label: RegExp) => (await methods.getByRole('row', { name: label }).getByRole('cell').last().innerText()).trim()
    expect(await cellOf(/^訪問/)).toBe('1')
    expect(await cellOf(/^電話/)).toBe('1')
    expect(await cellOf(/^計/)).toBe('2')
    await expectNoAxeViolations(colleague.page, 'staff reports')

    expect([...lead.problems, ...colleague.problems, ...lead.dialogs, ...colleague.dialogs]).toEqual([])
    await Promise.all([lead.context.close(), colleague.context.close(), person.close()])
  }, 300_000)
})
