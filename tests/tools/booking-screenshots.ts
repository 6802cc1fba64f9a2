/**
 * Developer tool: walks the booking form in every language on a phone viewport and writes one
 * screenshot per step, the confirmation and /status. Usage: tsx tests/tools/booking-screenshots.ts [--out=/tmp/booking-shots]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildIfNeeded } from '../../src/server/build-if-needed'
import { loadDeployment, startNodeServer } from '../../src/server/node'
import { generateRecipientKeyPair } from '../../src/shared/crypto/window-keys'
import { launchChromium } from './chromium'

const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? '/tmp/booking-shots'
mkdirSync(out, { recursive: true })
const root = resolve(import.meta.dirname, '../..')
await buildIfNeeded(root, join(root, 'dist'))
const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-shots-'))
const server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: join(root, 'dist'), RATE_LIMIT_PER_MINUTE: 0 })
for (const window of loadDeployment().windows) {
  const key = await generateRecipientKeyPair()
  await server.store.addWindowKey({ keyId: key.keyId, windowId: window.id, kind: 'staff', publicKey: key.publicKey, fingerprint: key.fingerprint, createdAt: new Date().toISOString() })
}

const browser = await launchChromium()
for (const language of ['ja', 'ja-easy', 'en']) {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
  await context.addInitScript((l) => localStorage.setItem('tsunagu.language', l), language)
  const page = await context.newPage()
  const snap = async (name: string) => {
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${out}/${language}-${name}.png`, fullPage: true })
  }
  const next = () => page.locator('form button[type=submit]').click()
  await page.goto(`${server.url}/book`)
  await page.locator('#booking-asker-family').waitFor()
  await next()
  await snap('1-who-error')
  await page.locator('#booking-asker-family').check()
  await page.locator('#booking-relation-parent').check()
  await snap('1-who')
  await next()
  await page.locator('#booking-nickname').fill('はは🌸')
  await snap('2-nickname')
  await next()
  await page.locator('#booking-mode-visit').check()
  await snap('3-mode')
  await next()
  await page.locator('#booking-window-toshima').check()
  await snap('4-window')
  await next()
  await page.locator('input[name=slot]:not([value=later])').first().check()
  await snap('5-slot')
  await next()
  await page.locator('#booking-concerns-hikikomori').check()
  await page.locator('#booking-concerns-mind').check()
  await page.locator('#booking-contact-phone').check()
  await page.locator('#booking-phone').fill('090-1234-5678')
  await page.locator('#booking-safe-times').fill('平日の昼')
  await snap('6-details')
  await next()
  await page.locator('#booking-consent').check()
  await snap('7-review')
  await next()
  await page.locator('#booking-memo').waitFor({ timeout: 20_000 })
  await snap('8-done')
  await page.emulateMedia({ media: 'print' })
  await snap('8-print')
  await page.emulateMedia({ media: 'screen' })
  const shown = await page.locator('section[aria-labelledby=receipt-heading] p:visible', { hasText: /\d{4} \d{4}/ }).first().textContent()
  await page.locator('#booking-memo').check()
  await page.goto(`${server.url}/status`)
  await page.locator('#status-code').fill((shown ?? '').replace(/\D/g, '').slice(-16))
  await page.locator('form button[type=submit]').click()
  await page.locator('#view-heading').waitFor({ timeout: 20_000 })
  await snap('9-status')
  await context.close()
}
await browser.close()
await server.close()
rmSync(dataDir, { recursive: true, force: true })
console.log(out)
