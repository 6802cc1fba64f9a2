import type { Context, Hono } from 'hono'
import type { Deployment } from '../../shared/schemas/deployment'
import { cacheApiTileCache } from './tile-cache'
import { mountTileProxy } from './tile-proxy'
import { tileSourceSchema } from './tile-source'

/** Workers: tiles through the app's origin, cached in the Cache API of the data centre. */
export function mountWorkerTileProxy(app: Hono, deployment: Deployment, sourceOf: (c: Context) => string | undefined): void {
  mountTileProxy(app, (c) => {
    const configured = tileSourceSchema.safeParse(sourceOf(c))
    const source = configured.success ? configured.data : deployment.map.tileUrl
    const cache = 'caches' in globalThis ? cacheApiTileCache((caches as unknown as { default: Cache }).default, source) : null
    return { source, maxZoom: deployment.map.maxZoom, cache }
  })
}
