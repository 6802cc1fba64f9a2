import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../tools/chromium'
import { expectNoAxeViolations, readReceipt, walkBooking } from './booking-helpers'
import { addPasskeyDevice, admin, windowFromNothing, type FreshDeployment } from './helpers/window-from-nothing'

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

async function staffPage() {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await addPasskeyDevice(context, page)
  const problems: string[] = []
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`)
    void dialog.accept()
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  return { context, page, problems }
}

/** Opens an invite link, names the newcomer, registers a passkey; returns the number shown to read aloud. */
async function join(page: Page, inviteUrl: string, name: string): Promise<string> {
  await page.goto(inviteUrl)
  await page.getByRole('heading', { name: '職員として参加する' }).waitFor()
  await page.getByLabel('職員どうしで見える名前').fill(name)
  await page.getByRole('button', { name: 'パスキーを登録して参加する' }).click()
  await page.getByRole('heading', { name: '相談の一覧' }).waitFor()
  const digits = page.getByTestId('my-fingerprint')
  await digits.waitFor()
  return (await digits.innerText()).replace(/\s+/g, ' ').trim()
}

/** The administrator compares the number read aloud, loads the certification key file and certifies. */
async function certify(page: Page, spoken: string) {
  await page.goto(url('/staff/admin/toshima'))
  await page.getByRole('heading', { name: '職員と鍵の管理' }).waitFor()
  const pending = page.getByTestId('pending-fingerprint').filter({ hasText: spoken.split(' ')[0] ?? '' })
  expect((await pending.innerText()).replace(/\s+/g, ' ').trim()).toBe(spoken)
  const card = page.locator('div', { has: pending }).last()
  await card.locator('input[type=file]').setInputFiles(fresh.certificationFile('toshima'))
  await card.getByRole('button', { name: /この鍵を認める/ }).click()
  await page.getByRole('status').filter({ hasText: '鍵を認めました。' }).waitFor()
}

describe('窓口を何もないところから始め、職員が相談を読んで返事をする', () => {
  it('init-window → 招待 → パスキー → 鍵の認証 → 家族からの予約が一覧で読める → 返事 → 本人が /status で読む → 追加のメッセージが届く', async () => {
    // The first administrator: invited from the terminal, as the README says.
    const firstInvite = (await admin(['invite', '--window', 'toshima', '--role', 'admin', '--origin', fresh.url], { DATA_DIR: fresh.dataDir })).trim().split('\n').at(-1) ?? ''
    const lead = await staffPage()
    const leadNumber = await join(lead.page, firstInvite, 'かんりしゃ')
    await certify(lead.page, leadNumber)

    // A colleague, invited from the administrator's page.
    await lead.page.getByRole('button', { name: '招待リンクを作る' }).click()
    const colleagueInvite = (await lead.page.locator('code').filter({ hasText: '/staff/join#' }).innerText()).trim()
    const colleague = await staffPage()
    const colleagueNumber = await join(colleague.page, colleagueInvite, 'たなか')
    await colleague.page.getByText(/まだ使えません/).waitFor()
    await certify(lead.page, colleagueNumber)

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

    expect([...lead.problems, ...colleague.problems]).toEqual([])
    await Promise.all([lead.context.close(), colleague.context.close(), person.close()])
  }, 300_000)
})
