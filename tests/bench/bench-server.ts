import { serve, type ServerType } from '@hono/node-server'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { createApp } from '../../src/server/app'
import { loadDeployment, nodeSha256, openNodeStore } from '../../src/server/node'
import { mountStaticFiles } from '../../src/server/static-files'

/** Where the bench serves a static copy named `name` (see static-copy.ts). */
export const staticCopyPath = (name: string) => `/__bench/${name}.html`

interface StaticCopy {
  raw: Buffer
  br: Buffer
  gzip: Buffer
}

export interface BenchServer {
  url: string
  /** The HTML served at staticCopyPath(name) (a 404 until set). */
  setStaticCopy: (name: string, html: string) => void
  close: () => Promise<void>
}

/**
 * The product server's parts (createApp + the built files, as in src/server/node.ts) plus one
 * bench-only page, so the app and its static baseline are served by the same process with the same
 * headers. The route exists only here, never in the product server.
 */
export async function startBenchServer(distDir: string): Promise<BenchServer> {
  const deployment = loadDeployment()
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-bench-'))
  const { driver, store } = await openNodeStore(dataDir)
  const app = createApp({
    deployment,
    getStore: () => store,
    rateLimiter: null,
    sha256: nodeSha256,
  })
  const staticCopies = new Map<string, StaticCopy>()
  app.get('/__bench/:file{[a-z0-9-]+\\.html}', (c) => {
    const copy = staticCopies.get(c.req.param('file').slice(0, -'.html'.length))
    if (copy === undefined) return c.text('not ready', 404)
    // Compressed as the product server sends a built page (its .br/.gz, src/build/precompress.ts):
    // an uncompressed copy would cost more round trips and flatter the page it is compared with.
    const accepted = c.req.header('Accept-Encoding') ?? ''
    const [encoding, body] = accepted.includes('br') ? ['br', copy.br] : accepted.includes('gzip') ? ['gzip', copy.gzip] : [null, copy.raw]
    const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=UTF-8', 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' }
    if (encoding) headers['Content-Encoding'] = encoding
    return c.body(new Uint8Array(body), 200, headers)
  })
  mountStaticFiles(app, distDir)
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const address = server.address()
  if (typeof address !== 'object' || !address) throw new Error('bench server has no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    setStaticCopy: (name, html) => {
      const raw = Buffer.from(html)
      const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      staticCopies.set(name, { raw, br, gzip: gzipSync(raw, { level: 9 }) })
    },
    close: async () => {
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
      driver.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
