import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { publicPages } from '../../src/app/paths'
import { launchChromium } from '../tools/chromium'
import { interceptTiles, listIds, markerIds, TILE_ORIGIN, visibleMarkerCount, waitForList } from './map-helpers'

const baseUrl = inject('baseUrl')
let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser.close()
})

describe('居場所マップ（Chromium）', () => {
  it('地図タイルをすべて止めても、印が地図に出て、一覧と同じ場所を示す', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' })
    const tiles = await interceptTiles(context, 'abort')
    const page = await context.newPage()
    await page.goto(`${baseUrl}/map`)
    const count = await waitForList(page)
    expect(count).toBeGreaterThanOrEqual(40)
    await page.waitForFunction((n) => document.querySelectorAll('.place-marker').length === n, count)
    expect(await page.evaluate(visibleMarkerCount)).toBe(count)
    expect((await markerIds(page)).sort()).toEqual((await listIds(page)).sort())
    const box = await page.locator('.place-marker').first().boundingBox()
    expect(box?.width).toBeGreaterThan(10)
    expect(tiles.requested.length).toBeGreaterThan(0)
    expect(await page.locator('.leaflet-control-attribution a').textContent()).toBe('地理院タイル（淡色地図）')
    await context.close()
  })

  it('条件つきの URL（QR コード）で開くと、しぼった状態で開き、地図も同じ', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' })
    await interceptTiles(context)
    const page = await context.newPage()
    await page.goto(`${baseUrl}/map?kind=women&area=${encodeURIComponent('文京区')}&area=${encodeURIComponent('豊島区')}`)
    const count = await waitForList(page)
    expect(await page.getByRole('checkbox', { name: '女性向け' }).isChecked()).toBe(true)
    expect(await page.getByRole('checkbox', { name: '文京区' }).isChecked()).toBe(true)
    expect(await listIds(page)).toEqual(['bunkyo-step-joshikai', 'bunkyo-ux-joshikai', 'ux-joshikai-toshima'])
    expect(count).toBe(3)
    await page.waitForFunction(() => [...document.querySelectorAll<SVGElement>('.place-marker')].filter((el) => el.style.display !== 'none').length === 3)
    expect((await markerIds(page)).sort()).toEqual((await listIds(page)).sort())
    await context.close()
  })

  it('公開ページは、アプリ自身と設定した地図タイル以外に通信しない', async () => {
    const context = await browser.newContext()
    await interceptTiles(context, 'abort')
    const origins = new Set<string>()
    context.on('request', (request) => {
      const url = new URL(request.url())
      if (url.protocol === 'http:' || url.protocol === 'https:') origins.add(url.origin)
    })
    const page = await context.newPage()
    for (const path of [...publicPages, '/map?kind=family']) {
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' })
    }
    expect([...origins].sort()).toEqual([new URL(baseUrl).origin, TILE_ORIGIN].sort())
    await context.close()
  })
})
