/**
 * Developer tool: screenshots pages of a running server, phone-sized and desktop.
 * Usage: tsx tests/tools/screenshot.ts http://127.0.0.1:3000 /path [/other …] [--lang=ja-easy] [--out=/tmp/shots]
 */
import { mkdirSync } from 'node:fs'
import { launchChromium } from './chromium'

const args = process.argv.slice(2)
const base = args.find((a) => a.startsWith('http')) ?? 'http://127.0.0.1:3000'
const pages = args.filter((a) => a.startsWith('/'))
const language = args.find((a) => a.startsWith('--lang='))?.slice(7)
const out = args.find((a) => a.startsWith('--out='))?.slice(6) ?? '/tmp/shots'
const fullPage = args.includes('--full')
mkdirSync(out, { recursive: true })

const browser = await launchChromium()
for (const [label, viewport] of [
  ['phone', { width: 360, height: 640 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  const context = await browser.newContext({ viewport, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
  if (language) await context.addInitScript((l) => localStorage.setItem('tsunagu.language', l), language)
  const page = await context.newPage()
  for (const path of pages.length ? pages : ['/']) {
    await page.goto(base + path, { waitUntil: 'networkidle' })
    const file = `${out}/${label}${path.replaceAll('/', '_') || '_home'}${language ? `-${language}` : ''}.png`
    await page.screenshot({ path: file, fullPage })
    console.log(file)
  }
  await context.close()
}
await browser.close()
