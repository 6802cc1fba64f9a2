import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../tools/chromium'
import { appUrl, newAppContext } from './helpers/app'
import { interceptTiles, waitForList } from './map-helpers'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser.close()
})

async function box(page: Page, selector: string) {
  return (await page.locator(selector).first().boundingBox())!
}

describe('居場所マップ（スマートフォン 360×640）', () => {
  it('最初の画面に、見つかった数と、はじめの場所が出る。条件はたたまれている', async () => {
    const context = await newAppContext(browser, { serviceWorkers: 'block' })
    await interceptTiles(context, 'serve')
    const page = await context.newPage()
    await page.goto(appUrl('/map'))
    await waitForList(page)
    const toggle = page.getByRole('button', { name: '条件でしぼる' })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    expect(await page.getByRole('checkbox', { name: '女性向け' }).count()).toBe(0)
    const count = await box(page, '[data-testid="result-count"]')
    const first = await box(page, '[data-testid="place-list"] > li h3')
    expect(count.y + count.height).toBeLessThanOrEqual(640)
    expect(first.y + first.height).toBeLessThanOrEqual(640)
    expect(await page.locator('[data-testid="place-list"] > li h3').first().textContent()).toBeTruthy()
    await context.close()
  })

  it('「条件でしぼる」は選んでいる数を示し、押すとその場で開いて、選ぶと数が変わる', async () => {
    const context = await newAppContext(browser, { serviceWorkers: 'block' })
    await interceptTiles(context, 'serve')
    const page = await context.newPage()
    await page.goto(appUrl(`/map?kind=women&area=${encodeURIComponent('文京区')}&area=${encodeURIComponent('豊島区')}`))
    expect(await waitForList(page)).toBe(3)
    const toggle = page.getByRole('button', { name: '条件でしぼる（3件を選択中）' })
    await toggle.focus()
    await page.keyboard.press('Enter')
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    // Opened in place: the choices start right under the button, and focus stays on it.
    const button = (await toggle.boundingBox())!
    const panel = (await page.locator(`#${await toggle.getAttribute('aria-controls')}`.replace(/:/g, '\\:')).boundingBox())!
    expect(panel.y - (button.y + button.height)).toBeLessThan(24)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true')
    expect(await page.getByRole('checkbox', { name: '女性向け' }).isChecked()).toBe(true)
    await page.getByRole('checkbox', { name: '無料' }).check()
    await page.getByRole('button', { name: '条件でしぼる（4件を選択中）' }).waitFor()
    await page.getByRole('button', { name: '条件でしぼる（4件を選択中）' }).click()
    expect(await page.getByRole('checkbox', { name: '無料' }).count()).toBe(0)
    await context.close()
  })
})
