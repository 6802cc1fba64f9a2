import type { BrowserContext, Page } from 'playwright-core'
import type { MarkerCanvas } from '../../src/features/resource-map/place-markers'

/** A 1×1 transparent PNG: a stand-in tile, answered in the browser before the app's /tiles proxy is asked. */
const BLANK_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

export interface TileLog {
  requested: string[]
}

/**
 * Every tile request (the app's own /tiles/…) is aborted (or, with `serve`, answered locally) and
 * logged. Without it, tiles go the real way: the app's proxy and the tests' fake tile server.
 */
export async function interceptTiles(context: BrowserContext, mode: 'abort' | 'serve' = 'abort'): Promise<TileLog> {
  const log: TileLog = { requested: [] }
  await context.route(
    (url) => url.pathname.startsWith('/tiles/'),
    async (route) => {
      log.requested.push(route.request().url())
      if (mode === 'abort') await route.abort()
      else await route.fulfill({ status: 200, contentType: 'image/png', body: BLANK_PNG })
    },
  )
  return log
}

export async function waitForList(page: Page): Promise<number> {
  await page.getByTestId('place-list').waitFor()
  return Number(await page.getByTestId('result-count').getAttribute('data-count'))
}

// The markers are drawn on one canvas (src/features/resource-map/place-markers.ts), so there is no
// element per marker: these read the layer's own state through the canvas, and its pixels.
// Functions passed to page.evaluate must stand alone (no imports, no closures).

/** The places the marker layer shows (filtered-out ones are not drawn). */
export function shownMarkerIds(): string[] {
  const canvas = document.querySelector<MarkerCanvas>('canvas.place-markers')
  return (canvas?.placeMarkers?.probe() ?? []).filter((m) => m.shown).map((m) => m.id)
}

/** For page.waitForFunction: the layer shows exactly `count` places, or any when `count` is null. */
export function markersShown(count: number | null): boolean {
  const shown = (document.querySelector<MarkerCanvas>('canvas.place-markers')?.placeMarkers?.probe() ?? []).filter((m) => m.shown).length
  return count === null ? shown > 0 : shown === count
}

export async function markerIds(page: Page): Promise<string[]> {
  return page.evaluate(shownMarkerIds)
}

export interface DrawnMarkers {
  /** The canvas lies over the whole map. */
  coversMap: boolean
  /** Shown places whose centre falls on the canvas, and how many of those have paint there. */
  shownOnCanvas: number
  shownPainted: number
  /** Hidden places on the canvas far from every shown one, and how many of those are blank. */
  hiddenApart: number
  hiddenBlank: number
}

/** Reads the canvas pixels at every marker's centre: what the reader actually sees drawn. */
export function drawnMarkers(): DrawnMarkers {
  const canvas = document.querySelector<MarkerCanvas>('canvas.place-markers')
  const map = canvas?.closest('.leaflet-container')
  const ctx = canvas?.getContext('2d')
  const result = { coversMap: false, shownOnCanvas: 0, shownPainted: 0, hiddenApart: 0, hiddenBlank: 0 }
  if (!canvas?.placeMarkers || !map || !ctx) return result
  const width = parseFloat(canvas.style.width)
  const height = parseFloat(canvas.style.height)
  const ratio = canvas.width / width
  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data
  const markers = canvas.placeMarkers.probe()
  const shown = markers.filter((m) => m.shown)
  for (const m of markers.filter((m) => m.x >= 0 && m.y >= 0 && m.x < width && m.y < height)) {
    const painted = (pixels[(Math.round(m.y * ratio) * canvas.width + Math.round(m.x * ratio)) * 4 + 3] ?? 0) > 0
    if (m.shown) {
      result.shownOnCanvas++
      if (painted) result.shownPainted++
    } else if (shown.every((s) => (s.x - m.x) ** 2 + (s.y - m.y) ** 2 > 24 ** 2)) {
      // A marker is a circle of 9 px with a 2 px outline: 24 px away, another marker's paint cannot reach.
      result.hiddenApart++
      if (!painted) result.hiddenBlank++
    }
  }
  const c = canvas.getBoundingClientRect()
  const r = map.getBoundingClientRect()
  result.coversMap = c.left <= r.left && c.top <= r.top && c.right >= r.right && c.bottom >= r.bottom
  return result
}

/** Every place of the list: long results come in pages, so open them all first, as a reader who wants the whole list does. */
export async function listIds(page: Page): Promise<string[]> {
  const more = page.locator('[data-testid="place-list"] + button')
  while ((await more.count()) > 0) await more.click()
  return page.$$eval('[data-testid="place-list"] > li', (els) => els.map((el) => el.getAttribute('data-place-id') ?? ''))
}
