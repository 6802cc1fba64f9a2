import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LibsqlDriver } from './libsql-driver'

export const MIGRATIONS_DIR = join(import.meta.dirname, '..', 'migrations')

/**
 * Applies `src/server/migrations/*.sql` in name order, once each, recording them in `_migrations`.
 * D1 gets the same files through `wrangler d1 migrations apply` (its own `d1_migrations` table).
 */
export async function migrate(driver: LibsqlDriver, dir = MIGRATIONS_DIR): Promise<string[]> {
  await driver.client.execute('CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)')
  const done = new Set((await driver.all({ sql: 'SELECT name FROM _migrations', args: [] })).map((r) => String(r.name)))
  const applied: string[] = []
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    if (done.has(name)) continue
    const text = readFileSync(join(dir, name), 'utf8')
    const tx = await driver.client.transaction('write')
    try {
      await tx.executeMultiple(text)
      await tx.execute({ sql: 'INSERT INTO _migrations (name, applied_at) VALUES (?, ?)', args: [name, new Date().toISOString()] })
      await tx.commit()
    } finally {
      tx.close()
    }
    applied.push(name)
  }
  return applied
}
