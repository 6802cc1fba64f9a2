import type { Context, Hono } from 'hono'
import type { TileCache } from './tile-cache'
import { parseTilePath, tileUrl, type TileCoordinates } from './tile-source'

export interface TileProxyOptions {
  /** URL template of the tile server ({z}, {x}, {y}); see tileSourceSchema. */
  source: string
  maxZoom: number
  cache: TileCache | null
  timeoutMs?: number
}

export const TILE_PATH = '/tiles/:z/:x/:file'
const TILE_MAX_BYTES = 1024 * 1024
const CLIENT_CACHE = 'public, max-age=604800'

/** Some tile servers send JPEG under a .png name: say what the bytes are. */
function imageType(body: Uint8Array): string {
  if (body[0] === 0xff && body[1] === 0xd8) return 'image/jpeg'
  if (body[0] === 0x52 && body[1] === 0x49 && body[2] === 0x46 && body[3] === 0x46) return 'image/webp'
  return 'image/png'
}

/**
 * The fresh request to the tile server carries nothing of the visitor's: no address, user agent,
 * referrer, language or cookie. Its only header names this proxy.
 */
async function fetchTile(url: string, timeoutMs: number): Promise<Uint8Array | null> {
  try {
    const response = await fetch(url, {
      method: 'GET',
      headers: { Accept: 'image/png,image/*', 'User-Agent': 'tsunagu-tile-proxy' },
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    })
    const type = response.headers.get('content-type') ?? ''
    if (response.status !== 200 || !type.startsWith('image/')) {
      await response.body?.cancel()
      return null
    }
    const body = new Uint8Array(await response.arrayBuffer())
    return body.byteLength > 0 && body.byteLength <= TILE_MAX_BYTES ? body : null
  } catch {
    return null
  }
}

/**
 * `/tiles/{z}/{x}/{y}.png` from the app's own origin, so the browser never asks the tile server:
 * the tile operator cannot learn who looked at a support map, or where. A tile that cannot be had
 * is a 404, which the map draws as a blank square.
 */
export function mountTileProxy(app: Hono, optionsOf: (c: Context) => TileProxyOptions): void {
  const inFlight = new Map<string, Promise<Uint8Array | null>>()

  async function tileFor(options: TileProxyOptions, tile: TileCoordinates): Promise<Uint8Array | null> {
    const cached = await options.cache?.get(tile).catch(() => null)
    if (cached) return cached
    const url = tileUrl(options.source, tile)
    let pending = inFlight.get(url)
    if (!pending) {
      pending = fetchTile(url, options.timeoutMs ?? 8000).then(async (body) => {
        if (body) await options.cache?.put(tile, body).catch(() => undefined)
        return body
      })
      pending = pending.finally(() => inFlight.delete(url))
      inFlight.set(url, pending)
    }
    return pending
  }

  app.get(TILE_PATH, async (c) => {
    const options = optionsOf(c)
    const tile = parseTilePath(c.req.param('z'), c.req.param('x'), c.req.param('file'), options.maxZoom)
    const body = tile ? await tileFor(options, tile) : null
    if (!body) return c.json({ error: 'errors.notFound' }, 404, { 'Cache-Control': 'no-store' })
    return c.body(body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': imageType(body), 'Cache-Control': CLIENT_CACHE })
  })
  app.all('/tiles/*', (c) => c.json({ error: 'errors.notFound' }, 404, { 'Cache-Control': 'no-store' }))
}
