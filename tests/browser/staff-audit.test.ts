import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../tools/chromium'
import { expectNoAxeViolations } from './booking-helpers'
import { addPasskeyDevice, admin, windowFromNothing, type FreshDeployment } from './helpers/window-from-nothing'

let browser: Browser
let fresh: FreshDeployment
const url = (path: string) => new URL(path, fresh.url).href
const caseId = crypto.randomUUID()

beforeAll(async () => {
  fresh = await windowFromNothing()
  browser = await launchChromium()
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await fresh?.close()
})

describe('管理者が監査ログを読み、期間でしぼり、CSV で保存する', () => {
  it('だれが・いつ・どの相談に・何をしたかが出て、中身は出ない。axe は 0 件、CSV は BOM 付きで読み戻せる', async () => {
    const invite = (await admin(['invite', '--window', 'toshima', '--role', 'admin', '--origin', fresh.url], { DATA_DIR: fresh.dataDir })).trim().split('\n').at(-1) ?? ''
    const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    const page = await context.newPage()
    await addPasskeyDevice(context, page)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))

    await page.goto(invite)
    await page.getByLabel('職員どうしで見える名前').fill('かんりしゃ')
    await page.getByRole('button', { name: 'パスキーを登録して参加する' }).click()
    await page.getByRole('heading', { name: '相談の一覧' }).waitFor()
    // What the case routes write when a colleague closes a case (the entry itself, with no content).
    const me = (await (await page.request.get(url('/api/staff/me'))).json()) as { member: { id: string } }
    await fresh.server.store.audit.add({ at: new Date().toISOString(), memberId: me.member.id, windowId: 'toshima', action: 'case.status', requestId: caseId, target: 'closed' })
    await fresh.server.store.audit.add({ at: new Date().toISOString(), memberId: null, windowId: 'toshima', action: 'case.deleted', requestId: crypto.randomUUID(), target: 'cancelled' })

    await page.getByRole('link', { name: '監査ログ' }).click()
    await page.getByRole('heading', { name: '監査ログ', level: 1 }).waitFor()
    const table = page.getByRole('table', { name: '監査ログ' })
    await table.waitFor()
    const closed = table.getByRole('row').filter({ hasText: '状態を変えた' })
    expect(await closed.innerText()).toMatch(/かんりしゃ\s+状態を変えた\s+\S+\s+終了/)
    expect(await closed.getByRole('code').getAttribute('title')).toBe(caseId)
    await table.getByRole('row').filter({ hasText: '職員になった' }).filter({ hasText: '管理者' }).waitFor()
    await table.getByRole('row').filter({ hasText: 'システム（保存期間）' }).filter({ hasText: '保存期間が過ぎて消した' }).waitFor()
    await expectNoAxeViolations(page, 'audit log')

    await page.getByLabel('この日から').fill('2020-01-01')
    await page.getByLabel('この日まで').fill('2020-01-31')
    await page.getByRole('button', { name: 'しぼる' }).click()
    await page.getByText('この期間の記録はありません。').waitFor()
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date())
    await page.getByLabel('この日から').fill(today)
    await page.getByLabel('この日まで').fill(today)
    await page.getByRole('button', { name: 'しぼる' }).press('Enter')
    await table.getByRole('row').filter({ hasText: '状態を変えた' }).waitFor()

    const save = page.getByRole('button', { name: '監査ログを CSV で保存する' })
    await save.focus()
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
    expect(download.suggestedFilename()).toBe(`監査ログ_toshima_${today}_${today}.csv`)
    const text = readFileSync((await download.path()) ?? '', 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ',', skipEmptyLines: true }).data
    expect(rows[0]).toEqual(['日時', 'だれが', 'したこと', '内容', '相談', 'member_id', 'action', 'target', 'at_utc'])
    const row = rows.find((r) => r[4] === caseId)
    expect(row?.slice(1, 8)).toEqual(['かんりしゃ', '状態を変えた', '終了', caseId, me.member.id, 'case.status', 'closed'])
    expect(row?.[0]).toMatch(new RegExp(`^${today} \\d{2}:\\d{2}:\\d{2}$`))
    expect(rows.some((r) => r[6] === 'member.joined' && r[1] === 'かんりしゃ')).toBe(true)
    await page.getByText(/件の CSV を作りました/).waitFor()
    expect(errors).toEqual([])
    await context.close()
  })
})
