import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { REQUEST_BODY_MAX_BYTES } from '../shared/limits'
import { metricEventSchema } from '../shared/schemas/requests'
import type { AppDeps } from './deps'
import { rateLimit } from './http/rate-limit'
import { readJson } from './http/read-json'
import { publicConfig } from './public-config'
import { requestRoutes } from './routes/requests'
import { slotRoutes } from './routes/slots'
import { apiJsonResponder, hasAllHeaders, securityHeaders } from './security-headers'
import { todayInTokyo } from './slots/generate-slots'

export type { AppDeps } from './deps'

/** The whole HTTP API. Runtime entries (node.ts, worker.ts) add static files and storage around it. */
export function createApp(deps: AppDeps) {
  const now = deps.now ?? (() => new Date())
  const app = new Hono()
  app.use(securityHeaders())
  app.use('/api/*', async (c, next) => {
    await next()
    if (!hasAllHeaders(c.res)) c.res.headers.set('Cache-Control', 'no-store')
  })
  const streamedLimit = bodyLimit({ maxSize: REQUEST_BODY_MAX_BYTES, onError: (c) => c.json({ error: 'errors.tooLarge' }, 413) })
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const length = c.req.header('content-length')
    // With a Content-Length (the HTTP parser enforces it) the header is enough; touching the body
    // stream here would make @hono/node-server build a Web-streams Request, 3× the cost of the handler.
    if (length !== undefined && !c.req.header('transfer-encoding')) {
      return Number(length) > REQUEST_BODY_MAX_BYTES ? c.json({ error: 'errors.tooLarge' }, 413) : next()
    }
    return streamedLimit(c, next)
  })
  // Every POST of the API is anonymous (requests, lookup, cancel, messages, metrics); reads are not limited.
  app.use('/api/*', rateLimit(deps.rateLimiter))

  app.get('/api/health', (c) => c.json({ ok: true }))
  app.get('/api/config', async (c) => {
    const staff = await deps.getStore(c).staffKeys()
    return c.json(publicConfig(deps.deployment, staff))
  })
  app.route('/api/windows', slotRoutes(deps))
  app.route('/api/requests', requestRoutes(deps, apiJsonResponder()))
  app.post('/api/metrics', async (c) => {
    const body = await readJson(c, metricEventSchema)
    if (!body.ok) return body.response
    await deps.getStore(c).countMetric(body.data.campaign, body.data.event, todayInTokyo(now()))
    return c.body(null, 204)
  })

  app.all('/api/*', (c) => c.json({ error: 'errors.notFound' }, 404))
  app.onError((error, c) => {
    // Only the error's name: messages can quote request data, which must never reach a log.
    console.error(`[tsunagu] ${c.req.method} ${c.req.routePath} failed: ${error.name}`)
    return c.json({ error: 'errors.internal' }, 500)
  })
  return app
}

export type App = ReturnType<typeof createApp>
