import { APP_SHELL_PATH } from '../shared/app-shell'
import { deploymentSchema } from '../shared/schemas/deployment'
import { createApp } from './app'
import { workerCredentials } from './abuse/worker-credentials'
import { missingSecrets, misconfigured } from './abuse/worker-secrets'
import { powSettingsOf } from './abuse/proof-of-work'
import { purgeDayCounts, sqlDailyCap } from './abuse/sql-daily-cap'
import { bindingRateLimiter, type RateLimitBinding } from './http/rate-limit'
import { runRetention } from './retention/run-retention'
import { ensureSlots } from './slots/ensure-slots'
import { fetchSender } from './notify/fetch-sender'
import { discardUnread } from './http/body-limit'
import { noticeDispatcher, type NoticeDispatcher } from './notify/new-request-notice'
import { d1Driver, type D1Like } from './store/d1-driver'
import { createSqlStore } from './store/store'
import { mountWorkerTileProxy } from './tiles/worker-tiles'

/** The bindings declared in src/server/wrangler.jsonc; RATE_LIMIT_SALT is a required secret. */
export interface WorkerEnv {
  DB: D1Like
  ASSETS?: { fetch(request: Request): Promise<Response> }
  RATE_LIMITER?: RateLimitBinding
  BOOKING_LIMITER?: RateLimitBinding
  LOOKUP_LIMITER?: RateLimitBinding
  METRICS_LIMITER?: RateLimitBinding
  RATE_LIMIT_SALT?: string
  /** Required secret: the key of the stored receipts' keyed hash; CREDENTIAL_SECRET_PREVIOUS after a rotation. */
  CREDENTIAL_SECRET?: string
  CREDENTIAL_SECRET_PREVIOUS?: string
  /** Per client and Tokyo day, as on Node: slots (default 4), requests (10), follow-ups (20). */
  SLOT_BOOKINGS_PER_DAY?: string
  REQUESTS_PER_DAY?: string
  FOLLOW_UPS_PER_DAY?: string
  /** Requests stored per window and Tokyo day, all clients together (default 200; 0: off). */
  WINDOW_REQUESTS_PER_DAY?: string
  /** Optional: signs proof-of-work challenges; unset, derived from CREDENTIAL_SECRET (required). */
  POW_SECRET?: string
  POW_COST?: string
  POW_MAX_COUNTER?: string
  /** Where staff open the app; unset: the request URL's origin (WebAuthn binds passkeys to it). */
  PUBLIC_ORIGIN?: string
  /** Optional new-request notice through an HTTPS hook (src/server/notify/fetch-sender.ts); NOTIFY_WEBHOOK_TOKEN is a secret. */
  NOTIFY_WEBHOOK_URL?: string
  NOTIFY_WEBHOOK_TOKEN?: string
  NOTIFY_FROM?: string
  NOTIFY_TO?: string
  /** Optional: fetch map tiles from here instead of deployment.json's tileUrl. */
  TILE_SOURCE?: string
}

const perDayOf = (env: WorkerEnv, kind: 'slot' | 'request' | 'message') =>
  Number({ slot: env.SLOT_BOOKINGS_PER_DAY ?? 4, request: env.REQUESTS_PER_DAY ?? 10, message: env.FOLLOW_UPS_PER_DAY ?? 20 }[kind])
const storeOf = (env: WorkerEnv) => createSqlStore(d1Driver(env.DB))
const REQUIRED_SECRETS = ['RATE_LIMIT_SALT', 'CREDENTIAL_SECRET'] as const
// Per isolate, like the limit on Node per process: a flood of bookings cannot flood the mailbox.
let notifier: { url: string; dispatch: NoticeDispatcher } | null = null
function workerNotifier(env: WorkerEnv): NoticeDispatcher | null {
  const { NOTIFY_WEBHOOK_URL: url, NOTIFY_WEBHOOK_TOKEN: token, NOTIFY_FROM: from, NOTIFY_TO: to } = env
  if (!url?.startsWith('https://') || !token || !from || !to) return null
  if (notifier?.url !== url) notifier = { url, dispatch: noticeDispatcher(fetchSender({ url, token, from, to: to.split(',').map((a) => a.trim()) })) }
  return notifier.dispatch
}

/**
 * The Workers entry for a deployment (worker.ts passes the bundled deployment.json; the workerd
 * tests pass a test deployment with pinned keys).
 */
export function createWorker(rawDeployment: unknown) {
  const deployment = deploymentSchema.parse(rawDeployment)
  const app = createApp({
    deployment,
    getStore: (c) => storeOf(c.env as WorkerEnv),
    rateLimiter: bindingRateLimiter((c) => {
      const env = c.env as WorkerEnv
      const salt = env.RATE_LIMIT_SALT ?? ''
      return {
        bindings: { other: env.RATE_LIMITER, booking: env.BOOKING_LIMITER, lookup: env.LOOKUP_LIMITER, metrics: env.METRICS_LIMITER },
        salt,
        daily: Object.fromEntries(
          (['slot', 'request', 'message'] as const).map((kind) => [
            kind,
            sqlDailyCap({ driver: d1Driver(env.DB), salt, kind, perDay: perDayOf(env, kind), address: (ctx) => ctx.req.header('cf-connecting-ip') }),
          ]),
        ),
      }
    }),
    publicOrigin: (c) => (c.env as WorkerEnv).PUBLIC_ORIGIN,
    credentials: workerCredentials((c) => c.env as WorkerEnv),
    proofOfWork: (c) => {
      const env = c.env as WorkerEnv
      return powSettingsOf(env.POW_SECRET ?? env.CREDENTIAL_SECRET ?? '', env)
    },
    windowRequestsPerDay: (c) => Number((c.env as WorkerEnv).WINDOW_REQUESTS_PER_DAY ?? 200),
    notifier: (c) => workerNotifier(c.env as WorkerEnv),
  })

  mountWorkerTileProxy(app, deployment, (c) => (c.env as WorkerEnv).TILE_SOURCE)

  // Everything that is not the API is the built PWA (Workers static assets); the app adds its headers.
  // Static assets serve /who-can-consult from who-can-consult.html (html_handling); a page the build did
  // not pre-render (e.g. /book?window=…) gets the app shell (APP_SHELL_PATH: the redirect from .html is avoided).
  app.all('*', async (c) => {
    const assets = (c.env as WorkerEnv).ASSETS
    const reads = c.req.method === 'GET' || c.req.method === 'HEAD'
    // Files are only read: a POST or DELETE of a page is the API's JSON 404, as on Node (static assets
    // would answer an empty 405 and leave the body unread, which resets the connection).
    if (!assets || !reads) return c.json({ error: 'errors.notFound' }, 404)
    let response = await assets.fetch(c.req.raw)
    const isPage = reads && !/\.\w+$/.test(c.req.path)
    if (response.status === 404 && isPage) response = await assets.fetch(new Request(new URL(APP_SHELL_PATH, c.req.url), c.req.raw))
    // As on Node: what no file answers (a missing asset, a DELETE of a page) is the API's JSON 404.
    if (response.status === 404) {
      await response.body?.cancel()
      return c.json({ error: 'errors.notFound' }, 404)
    }
    return new Response(response.body, response)
  })

  return {
    async fetch(request: Request, env: WorkerEnv, ctx: unknown) {
      const missing = missingSecrets(env as unknown as Record<string, unknown>, REQUIRED_SECRETS)
      const response = missing.length > 0 && new URL(request.url).pathname.startsWith('/api/') ? misconfigured(missing) : await app.fetch(request, env, ctx as never)
      // A refusal (415, 401, 404…) sent before the body is read would reach the client as a reset.
      await discardUnread(request)
      return response
    },
    /** The daily cron trigger keeps the next weeks of slots generated and runs retention, as `npm start` does on Node. */
    async scheduled(_controller: unknown, env: WorkerEnv) {
      await ensureSlots(storeOf(env), deployment)
      await runRetention(storeOf(env), deployment.retention, new Date())
      await storeOf(env).purgeUsedChallenges(new Date().toISOString())
      await purgeDayCounts(d1Driver(env.DB))
    },
  }
}
