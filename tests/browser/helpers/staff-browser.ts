import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { addPasskeyDevice, admin, type FreshDeployment } from './window-from-nothing'

/**
 * Staff in a browser on a deployment made from nothing, the way the README tells a window to start:
 * the first administrator's invite from the terminal, a passkey, keys certified with the window's
 * certification key file. Every staff test signs in through here.
 */
export interface StaffBrowser {
  context: BrowserContext
  page: Page
  /** Page errors and console errors seen: a finished staff page has none. */
  problems: string[]
  /** Confirmation dialogs, accepted as staff would; a test reads what they asked. */
  dialogs: string[]
}

export async function staffPage(browser: Browser): Promise<StaffBrowser> {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await addPasskeyDevice(context, page)
  const problems: string[] = []
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.accept()
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  return { context, page, problems, dialogs }
}

/** Opens an invite link, names the newcomer, registers a passkey; returns the number shown to read aloud. */
export async function joinByInvite(page: Page, inviteUrl: string, name: string): Promise<string> {
  await page.goto(inviteUrl)
  await page.getByRole('heading', { name: '職員として参加する' }).waitFor()
  await page.getByLabel('職員どうしで見える名前').fill(name)
  await page.getByRole('button', { name: 'パスキーを登録して参加する' }).click()
  await page.getByRole('heading', { name: '相談の一覧' }).waitFor()
  const digits = page.getByTestId('my-fingerprint')
  await digits.waitFor()
  return (await digits.innerText()).replace(/\s+/g, ' ').trim()
}

/** An administrator compares the number read aloud, loads the certification key file and certifies. */
export async function certifyKey(page: Page, fresh: FreshDeployment, windowId: string, spoken: string) {
  await page.goto(new URL(`/staff/admin/${windowId}`, fresh.url).href)
  await page.getByRole('heading', { name: '職員と鍵の管理' }).waitFor()
  const pending = page.getByTestId('pending-fingerprint').filter({ hasText: spoken.split(' ')[0] ?? '' })
  expect((await pending.innerText()).replace(/\s+/g, ' ').trim()).toBe(spoken)
  const card = page.locator('div', { has: pending }).last()
  await card.locator('input[type=file]').setInputFiles(fresh.certificationFile(windowId))
  await card.getByRole('button', { name: /この鍵を認める/ }).click()
  await page.getByRole('status').filter({ hasText: '鍵を認めました。' }).waitFor()
}

/** The window's first administrator, invited from the terminal and joined; their key is not certified yet. */
export async function firstAdmin(browser: Browser, fresh: FreshDeployment, windowId = 'toshima', name = 'かんりしゃ') {
  const invite = (await admin(['invite', '--window', windowId, '--role', 'admin', '--origin', fresh.url], { DATA_DIR: fresh.dataDir })).trim().split('\n').at(-1) ?? ''
  const staff = await staffPage(browser)
  const spoken = await joinByInvite(staff.page, invite, name)
  return { ...staff, spoken }
}

/** The first administrator with their own key certified: ready to read and answer the window's requests. */
export async function certifiedAdmin(browser: Browser, fresh: FreshDeployment, windowId = 'toshima', name = 'かんりしゃ'): Promise<StaffBrowser> {
  const { spoken, ...staff } = await firstAdmin(browser, fresh, windowId, name)
  await certifyKey(staff.page, fresh, windowId, spoken)
  return staff
}

/** A colleague invited from the administrator's page, joined in their own browser and certified by the lead. */
export async function certifiedColleague(browser: Browser, fresh: FreshDeployment, lead: Page, windowId: string, name: string): Promise<StaffBrowser> {
  await lead.goto(new URL(`/staff/admin/${windowId}`, fresh.url).href)
  await lead.getByRole('button', { name: '招待リンクを作る' }).click()
  const invite = (await lead.locator('code').filter({ hasText: '/staff/join#' }).innerText()).trim()
  const staff = await staffPage(browser)
  await certifyKey(lead, fresh, windowId, await joinByInvite(staff.page, invite, name))
  return staff
}

export const goTo = (page: Page, fresh: FreshDeployment, path: string) => page.goto(new URL(path, fresh.url).href)

/** What /status shows for a receipt, read in a public page (no staff cookie: its own context). */
export async function statusOf(page: Page, baseUrl: string, receipt: string) {
  await page.goto(new URL('/status', baseUrl).href)
  await page.getByRole('textbox', { name: '受付番号（16けた）' }).fill(receipt)
  await page.getByRole('button', { name: '確かめる' }).click()
  const view = page.getByRole('region', { name: 'あなたの予約' })
  await view.waitFor({ timeout: 30_000 })
  return (await view.innerText()).replace(/\s+/g, ' ')
}
