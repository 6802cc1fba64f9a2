import type { Browser, BrowserContext, Page } from 'playwright-core'
import { staffPage } from './certified-staff'
import { admin, type FreshDeployment } from './window-from-nothing'

export interface StaffBrowser {
  context: BrowserContext
  page: Page
  /** Dialogs, page errors and console errors seen: a finished staff page has none. */
  problems: string[]
}

/** The first administrator of a window: invited from the terminal, joined with a passkey. */
export async function firstAdmin(browser: Browser, fresh: FreshDeployment, windowId: string, name: string): Promise<StaffBrowser> {
  const invite = (await admin(['invite', '--window', windowId, '--role', 'admin', '--origin', fresh.url], { DATA_DIR: fresh.dataDir })).trim().split('\n').at(-1) ?? ''
  const staff = await staffPage(browser)
  await staff.page.goto(invite)
  await staff.page.getByRole('heading', { name: '職員として参加する' }).waitFor()
  await staff.page.getByLabel('職員どうしで見える名前').fill(name)
  await staff.page.getByRole('button', { name: 'パスキーを登録して参加する' }).click()
  await staff.page.getByRole('heading', { name: '相談の一覧' }).waitFor()
  return staff
}
