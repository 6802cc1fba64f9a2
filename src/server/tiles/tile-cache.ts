import type { TileCoordinates } from './tile-source'

/** Tiles already fetched, so each is asked of the tile server once per cache lifetime. */
export interface TileCache {
  get(tile: TileCoordinates): Promise<Uint8Array | null>
  put(tile: TileCoordinates, body: Uint8Array): Promise<void>
}

/** Workers: the data centre's Cache API, under a key that is not a real address. */
export function cacheApiTileCache(cache: Cache, source: string): TileCache {
  const keyOf = (t: TileCoordinates) => new Request(`https://tile-cache.invalid/${encodeURIComponent(source)}/${t.z}/${t.x}/${t.y}.png`)
  return {
    async get(tile) {
      const hit = await cache.match(keyOf(tile))
      return hit ? new Uint8Array(await hit.arrayBuffer()) : null
    },
    async put(tile, body) {
      const headers = { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=2592000' }
      await cache.put(keyOf(tile), new Response(body as Uint8Array<ArrayBuffer>, { headers }))
    },
  }
}
