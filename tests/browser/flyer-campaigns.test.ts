import { readFileSync } from 'node:fs'
import jsQR from 'jsqr'
import Papa from 'papaparse'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../tools/chromium'
import { expectNoAxeViolations, PHONE } from './booking-helpers'
import { firstAdmin, type StaffBrowser } from './helpers/staff-browser'
import { windowFromNothing, type FreshDeployment } from './helpers/window-from-nothing'

let browser: Browser
let fresh: FreshDeployment
let staff: StaffBrowser
const url = (path: string) => new URL(path, fresh.url).href
const SHOTS = process.env.STAFF_SHOTS

beforeAll(async () => {
  fresh = await windowFromNothing()
  browser = await launchChromium()
  staff = await firstAdmin(browser, fresh, 'toshima', 'こうほう')
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await fresh?.close()
})

/** An image as the browser draws it (an <img> of the file, on a canvas), read by jsQR, a decoder independent of the encoder. */
async function decodeInBrowser(page: Page, bytes: Uint8Array, type: string, cssPixels?: number): Promise<string | null> {
  const pixels = await page.evaluate(
    async ({ base64, type, cssPixels }) => {
      const image = new Image()
      image.src = `data:${type};base64,${base64}`
      await image.decode()
      const side = cssPixels ?? image.naturalWidth
      const canvas = document.createElement('canvas')
      canvas.width = side
      canvas.height = side
      const context = canvas.getContext('2d')!
      context.fillStyle = '#fff'
      context.fillRect(0, 0, side, side)
      context.drawImage(image, 0, 0, side, side)
      return { side, data: Array.from(context.getImageData(0, 0, side, side).data) }
    },
    { base64: Buffer.from(bytes).toString('base64'), type, cssPixels },
  )
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.side, pixels.side)?.data ?? null
}

/** The code as the page shows it: the <svg> element itself, at the size it has on screen. */
async function decodeShown(page: Page, svg: Locator): Promise<string | null> {
  const markup = await svg.evaluate((el) => new XMLSerializer().serializeToString(el))
  const side = Math.round((await svg.boundingBox())!.width)
  return decodeInBrowser(page, new TextEncoder().encode(markup), 'image/svg+xml', side)
}

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()])
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) }
}

describe('チラシ用QRコード（職員）', () => {
  it('キーボードだけでQRコードを作り、SVG・PNG・A4シートのどれも同じ短いアドレスに読める。読み取りは週の表とCSVに出て、やめたコードは数えない', async () => {
    const { page, problems } = staff
    await page.getByRole('link', { name: 'チラシ用QRコード' }).click()
    await page.getByRole('heading', { name: 'チラシ用QRコード', level: 1 }).waitFor()
    await expectNoAxeViolations(page, '/staff/campaigns (empty)')

    // Keyboard only: the map for families, in やさしい日本語, named as the 区報 issue.
    await page.getByRole('radio', { name: '居場所マップ' }).focus()
    await page.keyboard.press('Space')
    await page.getByRole('checkbox', { name: '家族会・茶話会' }).focus()
    await page.keyboard.press('Space')
    await page.getByRole('radio', { name: 'やさしい日本語' }).focus()
    await page.keyboard.press('Space')
    await page.getByLabel('チラシの名前').focus()
    await page.keyboard.type('2026年6月 区報特集号')
    await page.keyboard.press('Enter')
    await page.getByRole('status').filter({ hasText: '「2026年6月 区報特集号」のQRコードを作りました。' }).waitFor()

    if (SHOTS) await page.screenshot({ path: `${SHOTS}/campaigns-created.png`, fullPage: true })
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '2026年6月 区報特集号' }) })
    const shortLink = (await card.locator('dd').filter({ hasText: '/q/' }).innerText()).trim()
    expect(shortLink).toMatch(new RegExp(`^${fresh.url}/q/[A-Za-z0-9]+$`))
    expect(await card.innerText()).toContain('居場所マップ（家族会・茶話会）')
    expect(await decodeShown(page, card.getByRole('img', { name: `QRコード：${shortLink}` }))).toBe(shortLink)
    await expectNoAxeViolations(page, '/staff/campaigns (one code)')

    const svg = await download(page, card.getByRole('button', { name: /SVGで保存/ }))
    expect(svg.name).toMatch(/\.svg$/)
    expect(new TextDecoder().decode(svg.bytes)).toMatch(/width="\d+mm"/)
    expect(await decodeInBrowser(page, svg.bytes, 'image/svg+xml', 400)).toBe(shortLink)
    const png = await download(page, card.getByRole('button', { name: /PNGで保存/ }))
    expect(png.name).toMatch(/\.png$/)
    expect(await decodeInBrowser(page, png.bytes, 'image/png')).toBe(shortLink)

    // The A4 sheet, at the smallest size it allows, still reads back.
    await card.getByRole('link', { name: 'A4の印刷用シート' }).click()
    const size = page.getByLabel('QRコードの大きさ（mm）')
    await size.waitFor()
    await size.fill(await size.getAttribute('min') ?? '')
    const sheet = page.getByRole('article', { name: '2026年6月 区報特集号' })
    const sheetText = await sheet.innerText()
    expect(sheetText).toContain(shortLink)
    expect(sheetText).toContain('03-4566-2427')
    expect(sheetText).toMatch(/相談|そうだん/)
    expect(await sheet.locator('ruby').count()).toBeGreaterThan(0)
    expect(await decodeShown(page, sheet.getByRole('img'))).toBe(shortLink)
    await expectNoAxeViolations(page, 'flyer sheet')
    if (SHOTS) {
      await page.emulateMedia({ media: 'print' })
      await page.screenshot({ path: `${SHOTS}/flyer-sheet-print.png`, fullPage: true })
      await page.emulateMedia({ media: 'screen' })
    }

    // A resident scans the flyer: one scan, counted by day only, shown per week.
    const resident = await browser.newContext({ locale: 'ja-JP', viewport: PHONE })
    const residentPage = await resident.newPage()
    await residentPage.goto(shortLink)
    expect(new URL(residentPage.url()).pathname).toBe('/easy/map')
    expect(new URL(residentPage.url()).searchParams.getAll('kind')).toEqual(['family'])

    await page.getByRole('link', { name: 'チラシ用QRコードにもどる' }).click()
    await page.getByRole('heading', { name: 'チラシごとの数（週ごと）' }).waitFor()
    const table = page.getByRole('table', { name: '「2026年6月 区報特集号」の週ごとの数' })
    await expect.poll(async () => (await table.getByRole('row', { name: /合計/ }).innerText()).split(/\s+/).slice(1)).toEqual(['1', '0', '0'])
    expect(await page.getByRole('img', { name: '「2026年6月 区報特集号」の週ごとの数' }).locator('rect title').allTextContents()).toContainEqual(expect.stringMatching(/読み取り: 1$/))
    await expectNoAxeViolations(page, '/staff/campaigns (funnel)')

    const csv = await download(page, page.getByRole('button', { name: 'CSVで保存（Excel用）' }))
    // UTF-8 with a byte order mark, so Excel on Windows reads the Japanese as Japanese.
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = Papa.parse<string[]>(new TextDecoder().decode(csv.bytes), { skipEmptyLines: true }).data
    expect(rows[0]).toEqual(['週', 'チラシの名前', 'code', '読み取り', '申込画面を開いた', '送った'])
    expect(rows.slice(1).map((r) => [r[1], r[3]])).toEqual([['2026年6月 区報特集号', '1']])

    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/campaigns-desktop.png`, fullPage: true })
      await page.setViewportSize(PHONE)
      await page.screenshot({ path: `${SHOTS}/campaigns-phone.png`, fullPage: true })
      await page.setViewportSize({ width: 1280, height: 900 })
    }

    // Retired: the printed code now opens the home page and is not counted.
    await card.getByRole('button', { name: '使うのをやめる' }).click()
    await card.getByRole('button', { name: 'やめる', exact: true }).click()
    await card.getByText(/使うのをやめました（/).first().waitFor()
    await residentPage.goto(shortLink)
    expect(new URL(residentPage.url()).pathname).toBe('/')
    await page.getByRole('button', { name: '表示する' }).click()
    await expect.poll(async () => (await table.getByRole('row', { name: /合計/ }).innerText()).split(/\s+/).slice(1)).toEqual(['1', '0', '0'])
    await resident.close()

    expect(problems).toEqual([])
  }, 360_000)
})
