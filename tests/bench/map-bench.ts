/**
 * 居場所マップ bench: filtering 2,000 generated places in the real page (built app, real server,
 * Chromium; the list's first page and every marker updated and painted on the map's canvas), unthrottled and at 4× CPU
 * throttling in the same run, plus the map chunk's gzip size.
 * Run alone: npx tsx tests/bench/map-bench.ts
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { buildIfNeeded } from '../../src/server/build-if-needed'
import { startNodeServer } from '../../src/server/node'
import { LIST_PAGE_SIZE } from '../../src/features/resource-map/filter-resources'
import { audiences, placeKinds, type Place } from '../../src/shared/schemas/places'
import { drawnMarkers, interceptTiles, markersShown } from '../browser/map-helpers'
import { launchChromium } from '../tools/chromium'
import type { BenchSection } from './bench-types'

const root = resolve(import.meta.dirname, '../..')
const PLACES = 2000
const CHANGES = 40
const TARGET_MS = 50

export function generatedPlaces(count: number): Place[] {
  let seed = 42
  const random = () => ((seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T
  const areas = Array.from({ length: 30 }, (_, i) => `くの${i + 1}`)
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${i}`,
    name: { ja: `ベンチ会場 ${i}`, kana: `ベンチかいじょう ${i}` },
    kinds: [...new Set([pick(placeKinds), pick(placeKinds)])],
    municipality: { ja: pick(areas) },
    location: { lat: 35.5 + random() * 0.4, lng: 139.3 + random() * 0.6, approximate: true as const },
    audiences: [...new Set([pick(audiences), pick(audiences)])],
    bookingRequired: random() < 0.3,
    free: random() < 0.8,
    inPerson: true,
    online: random() < 0.3,
    contact: {},
    about: { ja: '説明' },
    mood: { ja: '雰囲気' },
    source: { document: 'ベンチ用の生成データ', kana: 'ベンチようのせいせいデータ', date: '2026' },
  }))
}

/** The filter clicks, in order: on and off again, so some changes shrink and some restore all 2,000. */
export const CLICKS = ['女性向け', '家族', '女性向け', '無料', '家族', '居場所・フリースペース', '無料', '居場所・フリースペース']

type BenchWindow = Window & { drawnMarkers?: typeof drawnMarkers }

async function measure(page: Page): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < CHANGES; i++) {
    const label = CLICKS[i % CLICKS.length] as string
    const checkbox = page.getByRole('checkbox', { name: label, exact: true })
    await checkbox.evaluate((el) => el.setAttribute('data-bench-target', ''))
    const ms = await page.evaluate(async (pageSize) => {
      const input = document.querySelector<HTMLInputElement>('[data-bench-target]') as HTMLInputElement
      input.removeAttribute('data-bench-target')
      const t0 = performance.now()
      input.click()
      await new Promise((r) => setTimeout(r, 0))
      // Force style and layout so the time covers what the browser must do before it can paint.
      void document.body.offsetHeight
      const t1 = performance.now()
      // Checked at t1, untimed: the list's first page, and the markers painted on the canvas.
      const count = Number(document.querySelector('[data-testid="result-count"]')?.getAttribute('data-count'))
      const listElement = document.querySelector('[data-testid="place-list"]') as HTMLElement
      const list = Number(listElement.dataset.total)
      const firstPage = listElement.querySelectorAll(':scope > li').length
      if (firstPage !== Math.min(count, pageSize)) throw new Error(`list page not updated: ${firstPage} items for ${count} results`)
      const canvas = document.querySelector('canvas.place-markers') as HTMLCanvasElement & { placeMarkers: { probe: () => Array<{ shown: boolean }> } }
      const markers = canvas.placeMarkers.probe().filter((m) => m.shown).length
      if (list !== count || markers !== count) throw new Error(`not updated: count ${count}, list ${list}, markers ${markers}`)
      const drawn = (window as BenchWindow).drawnMarkers?.()
      if (!drawn || drawn.shownPainted !== drawn.shownOnCanvas || drawn.hiddenBlank !== drawn.hiddenApart || drawn.shownOnCanvas === 0) {
        throw new Error(`markers not painted: ${JSON.stringify(drawn)}`)
      }
      return t1 - t0
    }, LIST_PAGE_SIZE)
    times.push(ms)
    await page.waitForTimeout(30)
  }
  return times
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}
const round = (n: number) => Math.round(n * 10) / 10

function mapChunkGzip(distDir: string): { js: number; css: number } {
  const assets = readdirSync(join(distDir, 'assets'))
  const size = (ext: string) =>
    assets.filter((f) => f.startsWith('resource-map-view-') && f.endsWith(ext)).reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, 'assets', f))).length, 0)
  return { js: size('.js'), css: size('.css') }
}

export async function run(): Promise<BenchSection> {
  const distDir = join(root, 'dist')
  await buildIfNeeded(root, distDir)
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-map-bench-'))
  const server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir })
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' })
    await interceptTiles(context)
    await context.addInitScript({ content: `window.drawnMarkers = ${drawnMarkers.toString()}` })
    const places = JSON.stringify(generatedPlaces(PLACES))
    await context.route('**/data/places.json', (route) => route.fulfill({ contentType: 'application/json', body: places }))
    await context.route('**/data/events.json', (route) => route.fulfill({ contentType: 'application/json', body: '[]' }))
    const page = await context.newPage()
    await page.goto(`${server.url}/map`)
    await page.waitForFunction(markersShown, PLACES, { timeout: 60_000 })
    await page.getByRole('button', { name: /^条件でしぼる/ }).click()
    const cdp = await context.newCDPSession(page)

    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    const baseline = await measure(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    const throttled = await measure(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    await context.close()

    const gzip = mapChunkGzip(distDir)
    const p95 = percentile(throttled, 95)
    return {
      title: `居場所マップ: filter ${PLACES} places (list + markers), ${CHANGES} changes`,
      rows: [
        { name: 'p50 unthrottled (baseline)', value: round(percentile(baseline, 50)), unit: 'ms' },
        { name: 'p95 unthrottled (baseline)', value: round(percentile(baseline, 95)), unit: 'ms' },
        { name: 'p50 at 4× CPU throttling', value: round(percentile(throttled, 50)), unit: 'ms' },
        { name: 'p95 at 4× CPU throttling', value: round(p95), unit: 'ms', target: `< ${TARGET_MS} ms`, ok: p95 < TARGET_MS },
        { name: 'p95 ratio throttled / baseline', value: round(p95 / percentile(baseline, 95)), unit: '×' },
        { name: 'map chunk (Leaflet + react-leaflet) JS gzip', value: round(gzip.js / 1024), unit: 'kB' },
        { name: 'map chunk CSS gzip', value: round(gzip.css / 1024), unit: 'kB' },
      ],
    }
  } finally {
    await browser.close()
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('map-bench.ts')) {
  const section = await run()
  console.table(section.rows)
  const out = join(root, 'tests/bench/results')
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'map-bench.json'), JSON.stringify(section, null, 2))
}
