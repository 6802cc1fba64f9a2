import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { publicPages } from '../../src/app/paths'
import { LANGUAGES } from '../../src/lib/languages'
import { buildIfNeeded } from '../../src/server/build-if-needed'
import { startNodeServer } from '../../src/server/node'
import { LANGUAGE_STORAGE_KEY } from '../../src/shared/language-paths'
import { startFakeTileOrigin } from '../helpers/fake-tile-origin'
import { launchChromium } from '../tools/chromium'
import type { BenchSection } from './bench-types'

const root = resolve(import.meta.dirname, '../..')

/**
 * Every public page in every language, the map with its tiles included, as a first visit on a
 * phone: how many requests the browser makes to any origin other than the app's. The tiles go the
 * real way (the app's /tiles proxy, which fetches them from a local stand-in for the tile server).
 */
export async function run(): Promise<BenchSection> {
  const distDir = join(root, 'dist')
  await buildIfNeeded(root, distDir)
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-third-party-bench-'))
  const tiles = await startFakeTileOrigin()
  const server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir, TILE_SOURCE: tiles.source })
  const browser = await launchChromium()
  const appOrigin = new URL(server.url).origin
  let requests = 0
  let tileRequests = 0
  const foreign: string[] = []
  try {
    for (const language of LANGUAGES) {
      const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'ja-JP' })
      await context.addInitScript(
        ([key, value]) => {
          try {
            localStorage.setItem(key, value)
          } catch {
            // about:blank has no storage.
          }
        },
        [LANGUAGE_STORAGE_KEY, language] as const,
      )
      context.on('request', (request) => {
        const url = new URL(request.url())
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return
        requests++
        if (url.pathname.startsWith('/tiles/')) tileRequests++
        if (url.origin !== appOrigin) foreign.push(url.href)
      })
      // Nothing may leave the machine: anything foreign is counted above, then refused.
      await context.route((url) => url.origin !== appOrigin, (route) => route.abort())
      const page = await context.newPage()
      for (const path of publicPages) await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' })
      await context.close()
    }
    const clean = tiles.received.every((r) => r.headers['user-agent'] === 'tsunagu-tile-proxy' && !r.headers.referer && !r.headers.cookie && !r.headers['x-forwarded-for'])
    return {
      title: `Third-party requests: ${publicPages.length} public pages × ${LANGUAGES.length} languages, the map with its tiles`,
      rows: [
        { name: 'requests to other origins', value: foreign.length, target: '0', ok: foreign.length === 0 },
        { name: 'requests to the app itself', value: requests - foreign.length },
        { name: 'of which map tiles through /tiles', value: tileRequests, target: '> 0', ok: tileRequests > 0 },
        { name: 'tiles the tile server was asked for (the rest came from the cache)', value: tiles.received.length },
        { name: 'of those, carrying the visitor\'s user agent, referrer, cookie or address', value: clean ? 0 : 'some', target: '0', ok: clean },
      ],
    }
  } finally {
    await browser.close()
    await server.close()
    await tiles.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('third-party-bench.ts')) console.table((await run()).rows)
