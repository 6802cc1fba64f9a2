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
    // Drawn as circles. Leaflet empties the path of a marker outside the view (Izu Oshima, Machida…),
    // but the 30-odd places in the central wards are always in the configured starting view.
    const drawn = await page.$$eval('.place-marker', (els) => els.filter((el) => /a9,9/.test(el.getAttribute('d') ?? '')).length)
    expect(drawn).toBeGreaterThanOrEqual(25)
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

  it('「近い順にならべる」は押したときだけ位置を使い、どこにも送らない', async () => {
    const machida = { latitude: 35.5466, longitude: 139.4389 }
    const context = await browser.newContext({ serviceWorkers: 'block', geolocation: machida, permissions: ['geolocation'] })
    await interceptTiles(context)
    const sent: string[] = []
    context.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''}`))
    const page = await context.newPage()
    await page.goto(`${baseUrl}/map`)
    await waitForList(page)
    expect((await listIds(page))[0]).toBe('toshima-hikikomori-window')
    await page.getByRole('button', { name: '近い順にならべる' }).click()
    await page.getByText('近い順にならべました。').waitFor()
    expect((await listIds(page))[0]).toMatch(/^machida-/)
    expect(page.url()).toBe(`${baseUrl}/map`)
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))
    for (const text of [...sent, stored, page.url()]) expect(text).not.toMatch(/35\.546|139\.438/)
    await context.close()
  })
})
