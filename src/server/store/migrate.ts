import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LibsqlDriver } from './libsql-driver'
import { sql } from './sql-driver'

export const MIGRATIONS_DIR = join(import.meta.dirname, '..', 'migrations')

/**
 * Applies `src/server/migrations/*.sql` in name order, once each, recording them in `_migrations`.
 * D1 gets the same files through `wrangler d1 migrations apply` (its own `d1_migrations` table).
 */
export async function migrate(driver: LibsqlDriver, dir = MIGRATIONS_DIR): Promise<string[]> {
  driver.execScript('CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)')
  const done = new Set((await driver.all(sql('SELECT name FROM _migrations'))).map((r) => String(r.name)))
  const applied: string[] = []
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    if (done.has(name)) continue
    driver.execScript(readFileSync(join(dir, name), 'utf8'), sql('INSERT INTO _migrations (name, applied_at) VALUES (?, ?)', name, new Date().toISOString()))
    applied.push(name)
  }
  return applied
}
