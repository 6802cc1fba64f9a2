import rawDeployment from '../shared/config/deployment.json' with { type: 'json' }
import { APP_SHELL_PATH } from '../shared/app-shell'
import { deploymentSchema } from '../shared/schemas/deployment'
import { createApp } from './app'
import { bindingRateLimiter, type RateLimitBinding } from './http/rate-limit'
import { ensureSlots } from './slots/ensure-slots'
import { d1Driver, type D1Like } from './store/d1-driver'
import { createSqlStore } from './store/store'
import { mountWorkerTileProxy } from './tiles/worker-tiles'

/** The bindings declared in src/server/wrangler.jsonc; RATE_LIMITER and RATE_LIMIT_SALT are optional. */
export interface WorkerEnv {
  DB: D1Like
  ASSETS?: { fetch(request: Request): Promise<Response> }
  RATE_LIMITER?: RateLimitBinding
  RATE_LIMIT_SALT?: string
  /** Where staff open the app; unset: the request URL's origin (WebAuthn binds passkeys to it). */
  PUBLIC_ORIGIN?: string
  /** Optional: fetch map tiles from here instead of deployment.json's tileUrl. */
  TILE_SOURCE?: string
}

const SLOT_WEEKS = 3
const deployment = deploymentSchema.parse(rawDeployment)
const storeOf = (env: WorkerEnv) => createSqlStore(d1Driver(env.DB))

const app = createApp({
  deployment,
  getStore: (c) => storeOf(c.env as WorkerEnv),
  rateLimiter: bindingRateLimiter((c) => {
    const env = c.env as WorkerEnv
    return { binding: env.RATE_LIMITER, salt: env.RATE_LIMIT_SALT }
  }),
  publicOrigin: (c) => (c.env as WorkerEnv).PUBLIC_ORIGIN,
})

mountWorkerTileProxy(app, deployment, (c) => (c.env as WorkerEnv).TILE_SOURCE)

// Everything that is not the API is the built PWA (Workers static assets); the app adds its headers.
// Static assets serve /who-can-consult from who-can-consult.html (html_handling); a page the build did
// not pre-render (e.g. /book?window=…) gets the app shell (APP_SHELL_PATH: the redirect from .html is avoided).
app.all('*', async (c) => {
  const assets = (c.env as WorkerEnv).ASSETS
  if (!assets) return c.json({ error: 'errors.notFound' }, 404)
  let response = await assets.fetch(c.req.raw)
  const isPage = (c.req.method === 'GET' || c.req.method === 'HEAD') && !/\.\w+$/.test(c.req.path)
  if (response.status === 404 && isPage) response = await assets.fetch(new Request(new URL(APP_SHELL_PATH, c.req.url), c.req.raw))
  return new Response(response.body, response)
})

export default {
  fetch: app.fetch,
  /** The daily cron trigger keeps the next weeks of slots generated, as `npm start` does on Node. */
  async scheduled(_controller: unknown, env: WorkerEnv) {
    await ensureSlots(storeOf(env), deployment, SLOT_WEEKS)
    await storeOf(env).purgeExpired(new Date().toISOString())
  },
}
