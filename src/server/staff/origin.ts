import type { Context, MiddlewareHandler } from 'hono'
import type { AppDeps } from '../deps'

/**
 * The origin staff pages are served from: PUBLIC_ORIGIN when the operator set it (behind a proxy the
 * request URL may say http://127.0.0.1), else the request URL's own origin. WebAuthn binds passkeys to it.
 */
export function expectedOrigin(c: Context, deps: AppDeps): string {
  const configured = typeof deps.publicOrigin === 'function' ? deps.publicOrigin(c) : deps.publicOrigin
  return configured ? new URL(configured).origin : new URL(c.req.url).origin
}

/** Every state-changing staff call must come from our own pages: a cross-site form or fetch is refused. */
export function checkOrigin(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.header('origin') !== expectedOrigin(c, deps)) {
      return c.json({ error: 'errors.badOrigin' }, 403)
    }
    await next()
  }
}
