import type { Hono } from 'hono'
import type { Deployment } from '../../shared/schemas/deployment'
import { diskTileCache } from './disk-tile-cache'
import { mountTileProxy } from './tile-proxy'

const DEFAULT_CACHE_MB = 200

/** Node: tiles through the app's origin, cached on disk under DATA_DIR/tiles. */
export function mountNodeTileProxy(app: Hono, deployment: Deployment, env: { DATA_DIR: string; TILE_SOURCE?: string; TILE_CACHE_MB?: number }): void {
  const source = env.TILE_SOURCE ?? deployment.map.tileUrl
  const cache = diskTileCache(env.DATA_DIR, source, (env.TILE_CACHE_MB ?? DEFAULT_CACHE_MB) * 1024 * 1024)
  const options = { source, maxZoom: deployment.map.maxZoom, cache }
  mountTileProxy(app, () => options)
}
