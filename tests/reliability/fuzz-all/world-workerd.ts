import Database from 'libsql'
import { readdirSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { startWorkerd } from '../../server/helpers/workerd'
import { seedWorld, type World } from './world'

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

/** Every row of every table in the local D1's SQLite file (wrangler keeps it under `persist`). */
function snapshotD1(persist: string): Record<string, unknown[]> {
  const files = (readdirSync(persist, { recursive: true }) as string[]).filter((name) => /\.sqlite$/.test(name)).map((name) => join(persist, name))
  const rows: Record<string, unknown[]> = {}
  for (const file of files) {
    const db = new Database(file, { readonly: true })
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>
      // Some of the runtime's own tables have no rowid: rows are put in order here instead.
      for (const { name } of tables) rows[name] = (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort().map((row) => JSON.parse(row) as unknown)
    } finally {
      db.close()
    }
  }
  return rows
}

/**
 * The Workers entry in the real workerd runtime with a local D1 (tests/server/helpers/workerd.ts),
 * rate limits lifted, seeded through its API as the Node worlds are.
 */
export async function startWorkerdWorld(): Promise<World> {
  const tiles = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png))
  await new Promise<void>((done) => tiles.listen(0, '127.0.0.1', done))
  const address = tiles.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const workerd = await startWorkerd({
    rateLimitPerMinute: 1_000_000_000,
    invites: [{ windowId: 'toshima', role: 'admin' }, { windowId: 'toshima', role: 'staff' }],
    vars: { TILE_SOURCE: `http://127.0.0.1:${port}/{z}/{x}/{y}.png` },
  })
  const seeded = await seedWorld(workerd.target, workerd.origin, async (windowId, role) => workerd.invite(windowId, role))
  return {
    name: 'workerd',
    url: workerd.origin,
    ...seeded,
    dataDir: workerd.persist,
    snapshot: async () => snapshotD1(workerd.persist),
    close: async () => {
      await workerd.close()
      await new Promise<void>((done) => tiles.close(() => done()))
    },
  }
}
