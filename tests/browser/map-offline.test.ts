import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { launchPersistent } from '../tools/chromium'
import { drawnMarkers, interceptTiles, markersShown, waitForList } from './map-helpers'

const baseUrl = inject('baseUrl')

describe('居場所マップはオフラインでも開く', () => {
  it('一度開いたあと、ネットなしで /map と場所のページが開き、見たタイルと保存した CSV はキャッシュに残る', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'tsunagu-map-offline-'))
    const context = await launchPersistent(profile)
    try {
      const tiles = await interceptTiles(context, 'serve')
      const page = context.pages()[0] ?? (await context.newPage())
      await page.goto(`${baseUrl}/map`)
      await waitForList(page)
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready
        if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
      })
      // Controlled now: this load's tiles go through the service worker's tile cache.
      await page.reload()
      await waitForList(page)
      await page.waitForFunction(async () => (await (await caches.open('map-tiles')).keys()).length > 0, undefined, { timeout: 15_000 })
      expect(tiles.requested.length).toBeGreaterThan(0)

      // The open-data CSV is not precached (it would cost every visitor about 100 kB): one downloaded
      // while online stays available offline.
      await page.evaluate(async () => (await fetch('/data/places.csv')).arrayBuffer())

      await context.setOffline(true)
      await page.goto(`${baseUrl}/map`)
      expect(await waitForList(page)).toBeGreaterThanOrEqual(40)
      await page.waitForFunction(markersShown, null)
      const drawn = await page.evaluate(drawnMarkers)
      expect(drawn.shownOnCanvas).toBeGreaterThan(0)
      expect(drawn.shownPainted).toBe(drawn.shownOnCanvas)
      await page.goto(`${baseUrl}/map/places/bunkyo-step-freespace`)
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('STEP フリースペース')
      await page.goto(`${baseUrl}/events`)
      await page.getByRole('heading', { name: 'これまでの開催' }).waitFor()
      const head = await page.evaluate(async () => [...new Uint8Array(await (await fetch('/data/places.csv')).arrayBuffer()).slice(0, 10)])
      expect(Buffer.from(head).toString('utf8')).toBe('\uFEFFid,name')
    } finally {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    }
  })
})
