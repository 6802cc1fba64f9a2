import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import { addPasskeyDevice, admin, type FreshDeployment } from './window-from-nothing'

/** A staff browser with a passkey device; `problems` collects dialogs, page errors and console errors. */
export async function staffPage(browser: Browser) {
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

/**
 * The window's first administrator, as in the staff journey: invited from the terminal, joined with
 * a passkey, their key certified with the window's certification key file. Returns their page.
 */
export async function certifiedAdministrator(browser: Browser, fresh: FreshDeployment, windowId = 'toshima') {
  const invite = (await admin(['invite', '--window', windowId, '--role', 'admin', '--origin', fresh.url], { DATA_DIR: fresh.dataDir })).trim().split('\n').at(-1) ?? ''
  const staff = await staffPage(browser)
  const { page } = staff
  await page.goto(invite)
  await page.getByLabel('職員どうしで見える名前').fill('かんりしゃ')
  await page.getByRole('button', { name: 'パスキーを登録して参加する' }).click()
  const digits = page.getByTestId('my-fingerprint')
  await digits.waitFor()
  const spoken = (await digits.innerText()).replace(/\s+/g, ' ').trim()
  await page.goto(new URL(`/staff/admin/${windowId}`, fresh.url).href)
  const pending = page.getByTestId('pending-fingerprint').filter({ hasText: spoken.split(' ')[0] ?? '' })
  expect((await pending.innerText()).replace(/\s+/g, ' ').trim()).toBe(spoken)
  const card = page.locator('div', { has: pending }).last()
  await card.locator('input[type=file]').setInputFiles(fresh.certificationFile(windowId))
  await card.getByRole('button', { name: /この鍵を認める/ }).click()
  await page.getByRole('status').filter({ hasText: '鍵を認めました。' }).waitFor()
  return staff
}

/** What /status shows for a receipt, read in a public page (no staff cookie: its own context). */
export async function statusOf(page: Page, baseUrl: string, receipt: string) {
  await page.goto(new URL('/status', baseUrl).href)
  await page.getByRole('textbox', { name: '受付番号（16けた）' }).fill(receipt)
  await page.getByRole('button', { name: '確かめる' }).click()
  const view = page.getByRole('region', { name: 'あなたの予約' })
  await view.waitFor({ timeout: 30_000 })
  return (await view.innerText()).replace(/\s+/g, ' ')
}
