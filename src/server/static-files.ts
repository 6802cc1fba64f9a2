import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'

const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'

/**
 * Serves the built PWA. Hashed assets are cached for a year; the HTML shell, the service worker and
 * the manifest are revalidated on every load, so an update reaches people on their next visit.
 */
export function mountStaticFiles(app: Hono, distDir: string): void {
  app.use(
    '*',
    serveStatic({
      root: distDir,
      onFound: (path, c) => {
        c.header('Cache-Control', path.includes('/assets/') ? IMMUTABLE : REVALIDATE)
      },
    }),
  )
  // Client-side routes (e.g. a QR code's /book?window=…) get the app shell.
  app.get(
    '*',
    serveStatic({
      root: distDir,
      path: 'index.html',
      onFound: (_path, c) => {
        c.header('Cache-Control', REVALIDATE)
      },
    }),
  )
}
