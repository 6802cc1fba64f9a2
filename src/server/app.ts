import { Hono, type Context } from 'hono'
import { CASE_WRAPS_BODY_MAX_BYTES, REQUEST_BODY_MAX_BYTES } from '../shared/limits'
import { metricRoutes, shortLinkRoutes } from './campaigns/campaign-routes'
import { READ_CACHE_TTL_MS, readCache } from './abuse/read-cache'
import type { AppDeps } from './deps'
import { streamedBodyLimit } from './http/body-limit'
import { rateLimit } from './http/rate-limit'
import { publicConfig } from './public-config'
import { requestRoutes } from './public/requests'
import { slotRoutes } from './public/slots'
import { staffRoutes } from './staff/staff-routes'
import { apiJsonResponder, hasAllHeaders, securityHeaders } from './security-headers'

export type { AppDeps } from './deps'

/** Re-seal and hand-over: the only routes whose bodies grow with the length of a case. */
const caseWrapsRoute = /^\/api\/staff\/windows\/[^/]+\/cases\/[^/]+\/(recipients|handover)$/

/** The whole HTTP API. Runtime entries (node.ts, worker.ts) add static files and storage around it. */
export function createApp(deps: AppDeps) {
  const app = new Hono()
  app.use(securityHeaders())
  app.use('/api/*', async (c, next) => {
    await next()
    if (!hasAllHeaders(c.res)) c.res.headers.set('Cache-Control', 'no-store')
  })
  const tooLarge = (c: Context) => c.json({ error: 'errors.tooLarge' }, 413)
  const streamedLimit = streamedBodyLimit(REQUEST_BODY_MAX_BYTES, tooLarge)
  const streamedCaseWrapsLimit = streamedBodyLimit(CASE_WRAPS_BODY_MAX_BYTES, tooLarge)
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const caseWraps = caseWrapsRoute.test(c.req.path)
    const length = c.req.header('content-length')
    // With a Content-Length (the HTTP parser enforces it) the header is enough; touching the body
    // stream here would make @hono/node-server build a Web-streams Request, 3× the cost of the handler.
    if (length !== undefined && !c.req.header('transfer-encoding')) {
      return Number(length) > (caseWraps ? CASE_WRAPS_BODY_MAX_BYTES : REQUEST_BODY_MAX_BYTES) ? tooLarge(c) : next()
    }
    return (caseWraps ? streamedCaseWrapsLimit : streamedLimit)(c, next)
  })
  // The public POSTs are anonymous (requests, lookup, cancel, messages, metrics) and limited per client;
  // reads are not. Staff routes are not anonymous: passkeys and sessions guard them, not this limiter.
  const anonymousLimit = rateLimit(deps.rateLimiter)
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/staff/') ? next() : anonymousLimit(c, next)))
  const reads = readCache(READ_CACHE_TTL_MS, () => (deps.now ?? (() => new Date()))().getTime())
  app.use('/api/*', async (c, next) => {
    await next()
    // Only writes that change what the cached reads show; a proof-of-work challenge changes nothing.
    const write = c.req.method !== 'GET' && c.req.method !== 'HEAD' && !c.req.path.startsWith('/api/metrics') && c.req.path !== '/api/requests/challenge'
    if (!write || c.res.status >= 400) return
    // A public write (a booking, a cancel, a follow-up) can change slot lists, never the staff keys
    // that the config and the recipient check come from: keeping those saves a certificate check
    // (ECDSA) per booking. Staff writes (keys added or revoked) clear everything.
    if (c.req.path.startsWith('/api/staff/')) reads.clear()
    else reads.clear((key) => key !== 'config' && !key.startsWith('recipients:'))
  })
  app.route('/api/staff', staffRoutes(deps))

  app.get('/api/health', (c) => c.json({ ok: true }))
  app.get('/api/config', async (c) => {
    return c.json(await reads.get('config', async () => publicConfig(deps.deployment, await deps.getStore(c).staffKeys())))
  })
  app.route('/api/windows', slotRoutes(deps, reads))
  app.route('/api/requests', requestRoutes(deps, apiJsonResponder(), reads))
  app.route('/api/metrics', metricRoutes(deps))
  app.route('/q', shortLinkRoutes(deps))

  app.all('/api/*', (c) => c.json({ error: 'errors.notFound' }, 404))
  // Whatever no route or file answers (a POST to a page, a DELETE of /q/…) gets a key too, not Hono's text.
  app.notFound((c) => c.json({ error: 'errors.notFound' }, 404))
  app.onError((error, c) => {
    // Only the error's name: messages can quote request data, which must never reach a log.
    console.error(`[tsunagu] ${c.req.method} ${c.req.routePath} failed: ${error.name}`)
    return c.json({ error: 'errors.internal' }, 500)
  })
  return app
}

export type App = ReturnType<typeof createApp>
