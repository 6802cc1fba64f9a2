import type { MiddlewareHandler } from 'hono'
import { APP_LOADER_SCRIPT_HASH } from '../shared/app-loader-script'
import { LANGUAGE_BOOT_SCRIPT_HASH } from '../shared/language-boot-script'

/**
 * Strict headers on every response. The public side loads nothing from other origins, map tiles
 * included (they come through /tiles on this origin), so the CSP says so; `data:` images are
 * Leaflet's blank tile and the map's icons. Inline styles are allowed because React and Leaflet set
 * `style` attributes. The two inline scripts, the language check in every page's <head> and the
 * app loader at the end of every pre-rendered page, are allowed by their hashes.
 */
export function securityHeaderValues(): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${LANGUAGE_BOOT_SCRIPT_HASH} ${APP_LOADER_SCRIPT_HASH}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
  return {
    'Content-Security-Policy': csp,
    // Browsers ignore it over plain http (local runs); behind TLS it keeps every later visit on https.
    'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=(self), interest-cohort=()',
  }
}

const complete = new WeakSet<Response>()

/**
 * A JSON response built with every header it needs (security headers, no-store) in one plain
 * object, so nothing rewrites it afterwards: on @hono/node-server such a response goes straight to
 * `writeHead`, while adding headers later first converts them into a `Headers` object.
 */
export function apiJsonResponder(): (json: string, status: number) => Response {
  const headers = { ...securityHeaderValues(), 'Cache-Control': 'no-store', 'Content-Type': 'application/json' }
  return (json, status) => {
    const response = new Response(json, { status, headers })
    complete.add(response)
    return response
  }
}

/** True for responses from `apiJsonResponder`, which already carry every header. */
export const hasAllHeaders = (response: Response) => complete.has(response)

/** Adds the security headers to every response that does not carry them yet. */
export function securityHeaders(): MiddlewareHandler {
  const values = Object.entries(securityHeaderValues())
  return async (c, next) => {
    await next()
    if (hasAllHeaders(c.res)) return
    const h = c.res.headers
    for (const [name, value] of values) h.set(name, value)
    h.delete('X-Powered-By')
  }
}
