/**
 * Developer tool: the README staff guide's screenshots, taken on a window set up from nothing (as the
 * operator's guide says) with a phone caller's case registered by staff. Writes PNGs to
 * tests/tools/staff-guide/ (or --out=…). Usage: npx tsx tests/tools/staff-guide-shots.ts
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { addPasskeyDevice, admin, windowFromNothing } from '../browser/helpers/window-from-nothing'
import { launchChromium } from './chromium'

const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? resolve(import.meta.dirname, 'staff-guide')
mkdirSync(out, { recursive: true })
const fresh = await windowFromNothing()
const browser = await launchChromium()
const url = (path: string) => new URL(path, fresh.url).href

try {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await addPasskeyDevice(context, page)
  const snap = async (name: string, at: Page = page) => {
    await at.waitForTimeout(400)
    // Long pages (a fortnight of slots) are cut after the part the guide talks about.
    const height = await at.evaluate(() => document.documentElement.scrollHeight)
    await at.screenshot({ path: join(out, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.min(height, 3400) } })
    console.log(`wrote ${name}.png`)
  }

  // The first administrator joins from the terminal's invite and certifies their own key.
  const invite = (await admin(['invite', '--window', 'toshima', '--role', 'admin', '--origin', fresh.url], { DATA_DIR: fresh.dataDir })).trim().split('\n').at(-1) ?? ''
  await page.goto(invite)
  await page.getByLabel('職員どうしで見える名前').fill('かんりしゃ')
  await snap('01-join')
  await page.getByRole('button', { name: 'パスキーを登録して参加する' }).click()
  const digits = page.getByTestId('my-fingerprint')
  await digits.waitFor()
  const spoken = (await digits.innerText()).replace(/\s+/g, ' ').trim()
  await page.goto(url('/staff/admin/toshima'))
  const pending = page.getByTestId('pending-fingerprint').filter({ hasText: spoken.split(' ')[0] ?? '' })
  const card = page.locator('div', { has: pending }).last()
  await card.locator('input[type=file]').setInputFiles(fresh.certificationFile('toshima'))
  await snap('02-certify-key')
  await card.getByRole('button', { name: /この鍵を認める/ }).click()
  await page.getByRole('status').filter({ hasText: '鍵を認めました。' }).waitFor()

  // A phone caller's case, registered by staff.
  await page.goto(url('/staff/new/toshima'))
  await page.getByRole('group', { name: '相談の始まり' }).getByLabel('電話').check()
  await page.getByRole('group', { name: '相談する人', exact: true }).getByLabel('家族').check()
  await page.getByRole('group', { name: '相談する人と、ご本人の関係' }).getByLabel('親').check()
  await page.getByLabel('ニックネーム（呼び名）').fill('でんわのはは')
  await page.getByLabel('ご本人（当事者）の年代').selectOption({ label: '30代' })
  const time = page.getByLabel('時間', { exact: true })
  await time.locator('optgroup option').nth(2).waitFor({ state: 'attached' })
  await time.selectOption({ index: 3 })
  await page.getByLabel('ひきこもり・不登校').check()
  await page.getByLabel('相談の内容・伝えたいこと').fill('息子が10年、家から出ていません。電話で相談。')
  await page.getByLabel(/使う目的（相談に応じるためだけ）/).check()
  await snap('03-new-case-form')
  await page.getByRole('button', { name: '暗号化して登録し、受付番号を作る' }).click()
  await page.getByRole('heading', { name: '受付番号を相談者に伝えてください' }).waitFor({ timeout: 30_000 })
  await snap('04-new-case-receipt')
  await page.getByRole('link', { name: 'この相談を開く' }).click()
  await page.getByRole('heading', { name: 'でんわのははさんの相談' }).waitFor({ timeout: 30_000 })
  await snap('05-case')

  await page.goto(url('/staff'))
  await page.getByRole('heading', { name: '相談の一覧' }).waitFor()
  await snap('06-inbox')

  const pages: Array<[string, string]> = [
    ['07-availability', '/staff/availability/toshima'],
    ['08-reseal', '/staff/reseal/toshima'],
    ['09-reports', '/staff/reports/toshima'],
    ['10-audit', '/staff/audit/toshima'],
    ['11-members', '/staff/admin/toshima'],
  ]
  for (const [name, path] of pages) {
    await page.goto(url(path))
    await page.locator('main h1').waitFor()
    await snap(name)
  }

  await page.goto(url('/staff/campaigns/toshima'))
  await page.getByRole('radio', { name: '居場所マップ' }).check()
  await page.getByLabel('チラシの名前').fill('2026年6月 区報特集号')
  await page.getByRole('button', { name: 'QRコードを作る' }).click()
  await page.getByRole('link', { name: 'A4の印刷用シート' }).waitFor()
  await snap('12-flyer-codes')
  await page.getByRole('link', { name: 'A4の印刷用シート' }).click()
  await page.getByRole('article').waitFor()
  await page.emulateMedia({ media: 'print' })
  await snap('13-flyer-sheet-print')
} finally {
  await browser.close()
  await fresh.close()
}
