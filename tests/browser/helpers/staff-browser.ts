import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import { addPasskeyDevice, admin, type FreshDeployment } from './window-from-nothing'

/**
 * A signed-in staff browser on a deployment made from nothing, the way staff-journey.test.ts walks
 * it: the first administrator's invite from the terminal, a passkey, and their own key certified.
 * Confirmation dialogs are accepted (and listed); page errors are collected for the test to check.
 */
export async function signedInAdmin(browser: Browser, fresh: FreshDeployment, windowId = 'toshima', name = 'かんりしゃ') {
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
  const invite = (await admin(['invite', '--window', windowId, '--role', 'admin', '--origin', fresh.url], { DATA_DIR: fresh.dataDir })).trim().split('\n').at(-1) ?? ''
  await page.goto(invite)
  await page.getByRole('heading', { name: '職員として参加する' }).waitFor()
  await page.getByLabel('職員どうしで見える名前').fill(name)
  await page.getByRole('button', { name: 'パスキーを登録して参加する' }).click()
  await page.getByRole('heading', { name: '相談の一覧' }).waitFor()
  const digits = page.getByTestId('my-fingerprint')
  await digits.waitFor()
  const spoken = (await digits.innerText()).replace(/\s+/g, ' ').trim()

  await page.goto(new URL(`/staff/admin/${windowId}`, fresh.url).href)
  await page.getByRole('heading', { name: '職員と鍵の管理' }).waitFor()
  const pending = page.getByTestId('pending-fingerprint').filter({ hasText: spoken.split(' ')[0] ?? '' })
  expect((await pending.innerText()).replace(/\s+/g, ' ').trim()).toBe(spoken)
  const card = page.locator('div', { has: pending }).last()
  await card.locator('input[type=file]').setInputFiles(fresh.certificationFile(windowId))
  await card.getByRole('button', { name: /この鍵を認める/ }).click()
  await page.getByRole('status').filter({ hasText: '鍵を認めました。' }).waitFor()
  return { context, page, problems, dialogs }
}

export const goTo = (page: Page, fresh: FreshDeployment, path: string) => page.goto(new URL(path, fresh.url).href)
