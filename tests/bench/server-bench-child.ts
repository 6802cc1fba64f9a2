import { serve } from '@hono/node-server'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { openNodeStore } from '../../src/server/node'
import type { SqlDriver } from '../../src/server/store/sql-driver'
import { sql } from '../../src/server/store/sql-driver'
import { createSqlStore } from '../../src/server/store/store'
import type { Deployment } from '../../src/shared/schemas/deployment'
import { startNodeServerFromFile } from '../server/helpers/node-server'
import { BENCH_LIMITS, createBenchApp } from './bench-limits'

/**
 * Runs in its own process so its memory and CPU can be read from /proc. Modes:
 * - `app`: the real server (startNodeServer) on a SQLite file, with every guard on: rate limits,
 *   daily caps and the window quota (set above what the bench books, see bench-limits.ts), keyed
 *   receipt hashes, the recipient check;
 * - `durable`: the baseline. Hono on @hono/node-server, POST reads the body and inserts it (the same
 *   bytes) as ONE row, through the app's own driver (libsql-driver.ts: WAL, synchronous=FULL, the same
 *   pragmas, group commit) into the app's database file; answers 201 with a small JSON;
 * - `durable-each`: the same, one transaction and fsync per request (a weaker baseline, reference);
 * - `bare`: Hono answering 201, writing nothing (reference);
 * - `no-store`: the real app over its real SQLite reads with every write discarded (reference).
 * argv: <mode> <test windows file>.
 */
const [mode, windowsFile] = process.argv.slice(-2) as [string, string]
const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-bench-'))
const ready = (port: number | string) => process.stdout.write(`URL ${String(port).startsWith('http') ? port : `http://127.0.0.1:${port}`} ${dataDir}\n`)
// Exits on SIGTERM so `node --cpu-prof` (profiling a mode by hand) gets to write its profile.
process.once('SIGTERM', () => process.exit(0))
const listen = (app: Hono) => serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => ready(info.port))

if (mode === 'app') {
  const server = await startNodeServerFromFile(windowsFile, {
    PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-dist'), SLOT_WEEKS: 1,
    CREDENTIAL_SECRET_FILE: join(dataDir, '..', `${dataDir.split('/').at(-1)}-secret`), ...BENCH_LIMITS,
  })
  ready(server.url)
} else if (mode === 'durable' || mode === 'durable-each') {
  const { driver } = await openNodeStore(dataDir)
  driver.execScript('CREATE TABLE bench_bookings (id INTEGER PRIMARY KEY, body TEXT NOT NULL)')
  const insert = (body: string) => driver.run(sql('INSERT INTO bench_bookings (body) VALUES (?)', body))
  // One at a time: each write is alone in its event-loop turn, so it gets its own transaction and fsync.
  let previous: Promise<{ changes: number }> = Promise.resolve({ changes: 0 })
  const insertAlone = (body: string) => (previous = previous.then(() => insert(body)))
  const app = new Hono()
  app.post('/api/requests', async (c) => {
    const { changes } = await (mode === 'durable' ? insert : insertAlone)(await c.req.text())
    return c.json({ stored: changes, status: 'waiting' }, 201)
  })
  listen(app)
} else if (mode === 'no-store') {
  const { deployment } = JSON.parse(readFileSync(windowsFile, 'utf8')) as { deployment: Deployment }
  const server = await startNodeServerFromFile(windowsFile, {
    PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-dist'), SLOT_WEEKS: 0, RATE_LIMIT_PER_MINUTE: 0,
  })
  await server.close()
  const { driver } = await openNodeStore(dataDir)
  const discard: SqlDriver = {
    all: (statement) => driver.all(statement),
    run: async () => ({ changes: 1 }),
    batch: async (statements) => statements.map(() => ({ changes: 1 })),
  }
  const store = createSqlStore(discard)
  const app = createBenchApp(deployment, store)
  listen(app)
} else {
  const app = new Hono()
  app.post('/api/requests', (c) => c.json({ ok: true }, 201))
  listen(app)
}
