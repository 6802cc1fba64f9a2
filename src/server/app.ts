import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Deployment } from '../shared/schemas/deployment'
import { publicConfig } from './public-config'
import { securityHeaders } from './security-headers'

export interface AppDeps {
  deployment: Deployment
  imageOrigins?: readonly string[]
}

const MAX_BODY_BYTES = 64 * 1024

/** The whole HTTP API. Runtime entries (node.ts, worker.ts) add static files and storage around it. */
export function createApp(deps: AppDeps) {
  const app = new Hono()
  app.use(securityHeaders({ imageOrigins: deps.imageOrigins }))
  app.use('/api/*', async (c, next) => {
    await next()
    c.res.headers.set('Cache-Control', 'no-store')
  })
  app.use(
    '/api/*',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'errors.tooLarge' }, 413) }),
  )

  app.get('/api/health', (c) => c.json({ ok: true }))
  app.get('/api/config', (c) => c.json(publicConfig(deps.deployment)))

  app.all('/api/*', (c) => c.json({ error: 'errors.notFound' }, 404))
  app.onError((error, c) => {
    // Only the error's name: messages can quote request data, which must never reach a log.
    console.error(`[tsunagu] ${c.req.method} ${c.req.routePath} failed: ${error.name}`)
    return c.json({ error: 'errors.internal' }, 500)
  })
  return app
}

export type App = ReturnType<typeof createApp>
