import { serve } from '@hono/node-server'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { createApp } from '../../src/server/app'
import { loadDeployment, nodeSha256, startNodeServer } from '../../src/server/node'
import type { SqlDriver } from '../../src/server/store/sql-driver'
import { createSqlStore } from '../../src/server/store/store'

/**
 * Runs in its own process so its memory can be read from /proc: `app` is the real server
 * (SQLite file, no rate limiting), `bare` a Hono handler that only answers 201, and `no-store` the
 * real app over a driver that keeps nothing: every step of a booking except the database write,
 * which shows how much of the gap to `bare` is HTTP, JSON and validation and how much is SQLite.
 */
const mode = process.argv.at(-1)
if (mode === 'app') {
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-bench-'))
  const server = await startNodeServer({
    PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-dist'), RATE_LIMIT_PER_MINUTE: 0, SLOT_WEEKS: 1,
  })
  process.stdout.write(`URL ${server.url} ${dataDir}\n`)
} else if (mode === 'no-store') {
  const discard: SqlDriver = {
    all: async () => [],
    run: async () => ({ changes: 1 }),
    batch: async (statements) => statements.map(() => ({ changes: 1 })),
  }
  const store = createSqlStore(discard)
  const app = createApp({ deployment: loadDeployment(), getStore: () => store, rateLimiter: null, sha256: nodeSha256 })
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(`URL http://127.0.0.1:${info.port} -\n`)
  })
} else {
  const app = new Hono()
  app.post('/api/requests', (c) => c.json({ ok: true }, 201))
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(`URL http://127.0.0.1:${info.port} -\n`)
  })
  void server
}
