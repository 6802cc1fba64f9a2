import type { MiddlewareHandler } from 'hono'
import { LANGUAGE_BOOT_SCRIPT_HASH } from '../shared/language-boot-script'

export interface SecurityOptions {
  /** Extra origins allowed for images, e.g. the map tile server. */
  imageOrigins?: readonly string[]
}

/**
 * Strict headers on every response. The public side loads nothing from other origins, so the CSP
 * says so; inline styles are allowed because React and Leaflet set `style` attributes. The one
 * inline script, the language check in every page's <head>, is allowed by its hash.
 */
export function securityHeaders(options: SecurityOptions = {}): MiddlewareHandler {
  const images = ["'self'", 'data:', 'blob:', ...(options.imageOrigins ?? [])].join(' ')
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${LANGUAGE_BOOT_SCRIPT_HASH}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images}`,
    // The service worker fetches (and caches) map tiles itself, which connect-src governs.
    ["connect-src 'self'", ...(options.imageOrigins ?? [])].join(' '),
    "font-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
  return async (c, next) => {
    await next()
    const h = c.res.headers
    h.set('Content-Security-Policy', csp)
    h.set('Referrer-Policy', 'no-referrer')
    h.set('X-Content-Type-Options', 'nosniff')
    h.set('X-Frame-Options', 'DENY')
    h.set('Cross-Origin-Opener-Policy', 'same-origin')
    h.set('Cross-Origin-Resource-Policy', 'same-origin')
    h.set('Permissions-Policy', 'camera=(self), microphone=(self), geolocation=(self), interest-cohort=()')
    h.delete('X-Powered-By')
  }
}
