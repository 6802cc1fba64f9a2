import { createClient, type Client, type InStatement } from '@libsql/client'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { SqlDriver, SqlRow, SqlStatement } from './sql-driver'

export const DATABASE_FILE = 'tsunagu.sqlite'

export interface LibsqlDriver extends SqlDriver {
  client: Client
  close(): void
}

const toIn = (s: SqlStatement): InStatement => ({ sql: s.sql, args: s.args })

/** A real SQLite file under DATA_DIR, in WAL mode, through one connection (writes are serialised anyway). */
export async function openLibsqlDriver(dataDir: string): Promise<LibsqlDriver> {
  mkdirSync(dataDir, { recursive: true })
  const client = createClient({ url: `file:${join(dataDir, DATABASE_FILE)}`, concurrency: 1 })
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('PRAGMA busy_timeout = 5000')
  await client.execute('PRAGMA foreign_keys = ON')
  return {
    client,
    async all(statement) {
      const result = await client.execute(toIn(statement))
      return result.rows.map((row) => {
        const plain: SqlRow = {}
        result.columns.forEach((column, i) => {
          const value = row[i]
          plain[column] = typeof value === 'bigint' ? Number(value) : (value as SqlRow[string])
        })
        return plain
      })
    },
    async run(statement) {
      const result = await client.execute(toIn(statement))
      return { changes: result.rowsAffected }
    },
    async batch(statements) {
      const results = await client.batch(statements.map(toIn), 'write')
      return results.map((r) => ({ changes: r.rowsAffected }))
    },
    close: () => client.close(),
  }
}
