import type { BrowserContext, Page } from 'playwright-core'
import rawDeployment from '../../src/shared/config/deployment.json' with { type: 'json' }
import { deploymentSchema, tileOrigin } from '../../src/shared/schemas/deployment'

export const TILE_ORIGIN = tileOrigin(deploymentSchema.parse(rawDeployment).map)

/** A 1×1 transparent PNG: a stand-in tile, so no test ever reaches the real tile server. */
const BLANK_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

export interface TileLog {
  requested: string[]
}

/** Every request to the tile origin is aborted (or, with `serve`, answered locally) and logged. */
export async function interceptTiles(context: BrowserContext, mode: 'abort' | 'serve' = 'abort'): Promise<TileLog> {
  const log: TileLog = { requested: [] }
  await context.route(
    (url) => url.origin === TILE_ORIGIN,
    async (route) => {
      log.requested.push(route.request().url())
      if (mode === 'abort') await route.abort()
      else await route.fulfill({ status: 200, contentType: 'image/png', headers: { 'access-control-allow-origin': '*' }, body: BLANK_PNG })
    },
  )
  return log
}

export async function useLanguage(context: BrowserContext, language: string): Promise<void> {
  await context.addInitScript((l) => localStorage.setItem('tsunagu.language', l), language)
}

export async function waitForList(page: Page): Promise<number> {
  await page.getByTestId('place-list').waitFor()
  return Number(await page.getByTestId('result-count').getAttribute('data-count'))
}

export async function markerIds(page: Page): Promise<string[]> {
  return page.$$eval('.place-marker', (els) =>
    els.filter((el) => (el as SVGElement).style.display !== 'none').map((el) => [...el.classList].find((c) => c.startsWith('place-marker--'))?.slice('place-marker--'.length) ?? ''),
  )
}

/** Markers the reader can see: filtered-out ones stay in the map but are not drawn. */
export function visibleMarkerCount(): number {
  return [...document.querySelectorAll<SVGElement>('.place-marker')].filter((el) => el.style.display !== 'none').length
}

/** Every place of the list: long results come in pages, so open them all first, as a reader who wants the whole list does. */
export async function listIds(page: Page): Promise<string[]> {
  const more = page.locator('[data-testid="place-list"] + button')
  while ((await more.count()) > 0) await more.click()
  return page.$$eval('[data-testid="place-list"] > li', (els) => els.map((el) => el.getAttribute('data-place-id') ?? ''))
}
