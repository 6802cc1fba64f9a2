import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Hono } from 'hono'
import { APP_SHELL_FILE } from '../shared/app-shell'

const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'

/**
 * serveStatic marks `Vary` only when it picks a .br/.gz file; a plain answer to a client without
 * Accept-Encoding must say so too, or a shared cache could hand it on to a browser that wants br.
 */
function varyOnEncoding(path: string, c: Context): void {
  if (/\.(?:br|gz)$/.test(path)) return
  if (c.res.headers.get('Vary') === null) c.header('Vary', 'Accept-Encoding')
}

/**
 * Serves the built PWA, using the .br/.gz files written at build time (src/build/precompress.ts)
 * when the browser accepts them. Hashed assets are cached for a year; the HTML pages, the service
 * worker and the manifest are revalidated on every load, so an update reaches people on their next visit.
 */
export function mountStaticFiles(app: Hono, distDir: string): void {
  app.use(
    '*',
    serveStatic({
      root: distDir,
      precompressed: true,
      onFound: (path, c) => {
        c.header('Cache-Control', path.includes('/assets/') ? IMMUTABLE : REVALIDATE)
        varyOnEncoding(path, c)
      },
    }),
  )
  // Pages pre-rendered at build time: /who-can-consult is dist/who-can-consult.html.
  app.get(
    '*',
    serveStatic({
      root: distDir,
      precompressed: true,
      rewriteRequestPath: (path) => (/^\/[\w/-]+$/.test(path) ? `${path}.html` : path),
      onFound: (path, c) => {
        c.header('Cache-Control', REVALIDATE)
        varyOnEncoding(path, c)
      },
    }),
  )
  // Pages rendered in the browser (e.g. a QR code's /book?window=…) start from the empty app shell.
  app.get(
    '*',
    serveStatic({
      root: distDir,
      path: APP_SHELL_FILE,
      precompressed: true,
      onFound: (path, c) => {
        c.header('Cache-Control', REVALIDATE)
        varyOnEncoding(path, c)
      },
    }),
  )
}
