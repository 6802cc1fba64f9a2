import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { publicPages } from '../../src/app/paths'
import type { MarkerCanvas } from '../../src/features/resource-map/place-markers'
import { launchChromium } from '../tools/chromium'
import type { ReceivedTileRequest } from '../helpers/fake-tile-origin'
import { drawnMarkers, interceptTiles, listIds, markerIds, markersShown, waitForList } from './map-helpers'

const baseUrl = inject('baseUrl')
const tileOrigin = inject('tileOrigin')
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
    await page.waitForFunction(markersShown, count)
    expect((await markerIds(page)).sort()).toEqual((await listIds(page)).sort())
    // Painted on the canvas over the map. Places far outside the view (Izu Oshima, Machida…) are not
    // on the canvas, but the 30-odd places in the central wards are always in the starting view.
    const drawn = await page.evaluate(drawnMarkers)
    expect(drawn.coversMap).toBe(true)
    expect(drawn.shownOnCanvas).toBeGreaterThanOrEqual(25)
    expect(drawn.shownPainted).toBe(drawn.shownOnCanvas)
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
    await page.getByRole('button', { name: '条件でしぼる（3件を選択中）' }).click()
    expect(await page.getByRole('checkbox', { name: '女性向け' }).isChecked()).toBe(true)
    expect(await page.getByRole('checkbox', { name: '文京区' }).isChecked()).toBe(true)
    expect(await listIds(page)).toEqual(['bunkyo-step-joshikai', 'bunkyo-ux-joshikai', 'ux-joshikai-toshima'])
    expect(count).toBe(3)
    await page.waitForFunction(markersShown, 3)
    expect((await markerIds(page)).sort()).toEqual((await listIds(page)).sort())
    // The three are painted; places left out by the filters are not, wherever no marker covers them.
    const drawn = await page.evaluate(drawnMarkers)
    expect(drawn.shownPainted).toBe(drawn.shownOnCanvas)
    expect(drawn.shownOnCanvas).toBeGreaterThan(0)
    expect(drawn.hiddenApart).toBeGreaterThanOrEqual(5)
    expect(drawn.hiddenBlank).toBe(drawn.hiddenApart)
    await context.close()
  })

  it('地図の印を押すと、その場所の名前とページへのリンクが出る', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' })
    await interceptTiles(context)
    const page = await context.newPage()
    await page.goto(`${baseUrl}/map`)
    await waitForList(page)
    await page.waitForFunction(markersShown, null)
    await page.locator('canvas.place-markers').scrollIntoViewIfNeeded()
    // A marker inside the map with no other marker near it, in the page's coordinates.
    const target = await page.evaluate(() => {
      const canvas = document.querySelector<MarkerCanvas>('canvas.place-markers') as MarkerCanvas
      const box = canvas.getBoundingClientRect()
      const map = (canvas.closest('.leaflet-container') as Element).getBoundingClientRect()
      const markers = canvas.placeMarkers?.probe().filter((m) => m.shown) ?? []
      const alone = markers.find(
        (m) => box.left + m.x > map.left + 60 && box.left + m.x < map.right - 20 && box.top + m.y > map.top + 20 && box.top + m.y < map.bottom - 30 && markers.every((o) => o === m || (o.x - m.x) ** 2 + (o.y - m.y) ** 2 > 24 ** 2),
      )
      return alone && { id: alone.id, x: box.left + alone.x, y: box.top + alone.y }
    })
    expect(target).toBeTruthy()
    const name = await page.locator(`[data-place-id="${target!.id}"] h3`).textContent()
    await page.mouse.click(target!.x, target!.y)
    const popup = page.locator('.leaflet-popup-content')
    await expect.poll(() => popup.locator('strong').textContent()).toBe(name)
    await popup.getByRole('link', { name: 'くわしく見る' }).click()
    await page.waitForURL(`${baseUrl}/map/places/${target!.id}`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name)
    await context.close()
  })

  it('地図タイルはアプリ自身のオリジンから届き、ブラウザはほかのオリジンに通信しない。タイルサーバーには閲覧者のことが何も届かない', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, userAgent: 'Mozilla/5.0 VisitorBrowser/1.0' })
    const origins = new Set<string>()
    const tiles: string[] = []
    context.on('request', (request) => {
      const url = new URL(request.url())
      if (url.protocol === 'http:' || url.protocol === 'https:') origins.add(url.origin)
      if (url.pathname.startsWith('/tiles/')) tiles.push(url.pathname)
    })
    const loaded: string[] = []
    context.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname.startsWith('/tiles/')) loaded.push(request.url())
    })
    const page = await context.newPage()
    for (const path of [...publicPages, '/map?kind=family', '/map']) {
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' })
    }
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('img.leaflet-tile')].some((img) => img.complete && img.naturalWidth > 0))
    expect([...origins]).toEqual([new URL(baseUrl).origin])
    expect(tiles.length).toBeGreaterThan(0)
    expect(loaded.length).toBeGreaterThan(0)
    const received = (await (await fetch(`${tileOrigin}/__received`)).json()) as ReceivedTileRequest[]
    const fromMap = received.filter((r) => tiles.some((t) => t.endsWith(r.path)))
    expect(fromMap.length).toBeGreaterThan(0)
    for (const { headers } of fromMap) {
      expect(headers['user-agent']).toBe('tsunagu-tile-proxy')
      expect(headers.referer).toBeUndefined()
      expect(headers.cookie).toBeUndefined()
      expect(headers['x-forwarded-for']).toBeUndefined()
      expect(headers.forwarded).toBeUndefined()
      expect(JSON.stringify(headers)).not.toMatch(/VisitorBrowser|\/map|ja-JP/)
    }
    expect(await page.locator('.leaflet-control-attribution a').textContent()).toBe('地理院タイル（淡色地図）')
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
