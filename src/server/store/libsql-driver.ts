import { createClient, type Client, type InStatement, type ResultSet } from '@libsql/client'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { SqlDriver, SqlRow, SqlStatement } from './sql-driver'

export const DATABASE_FILE = 'tsunagu.sqlite'

export interface LibsqlDriver extends SqlDriver {
  client: Client
  close(): void
}

interface WriteUnit {
  statements: InStatement[]
  resolve: (changes: Array<{ changes: number }>) => void
  reject: (error: unknown) => void
}

const toIn = (s: SqlStatement): InStatement => ({ sql: s.sql, args: s.args })
const changesOf = (results: ResultSet[]) => results.map((r) => ({ changes: r.rowsAffected }))

/**
 * A real SQLite file under DATA_DIR, in WAL mode, through one connection.
 *
 * Writes use group commit: the write units that arrive while the event loop is busy are run in
 * order inside ONE transaction, which is what a series of separate transactions would have done,
 * but with one commit instead of many. If that transaction fails (a unique key, say), every unit is
 * run again on its own, so only the unit at fault sees the error.
 */
export async function openLibsqlDriver(dataDir: string): Promise<LibsqlDriver> {
  mkdirSync(dataDir, { recursive: true })
  const client = createClient({ url: `file:${join(dataDir, DATABASE_FILE)}`, concurrency: 1 })
  await client.execute('PRAGMA journal_mode = WAL')
  // In WAL mode NORMAL stays consistent after a crash and only a power cut can lose the last commits;
  // FULL would fsync on every booking and block the event loop for it.
  await client.execute('PRAGMA synchronous = NORMAL')
  await client.execute('PRAGMA busy_timeout = 5000')
  await client.execute('PRAGMA foreign_keys = ON')

  let queue: WriteUnit[] = []
  const flush = async () => {
    const units = queue
    queue = []
    try {
      const results = await client.batch(units.flatMap((u) => u.statements), 'write')
      let at = 0
      for (const unit of units) {
        unit.resolve(changesOf(results.slice(at, at + unit.statements.length)))
        at += unit.statements.length
      }
    } catch (error) {
      if (units.length === 1) return units[0]?.reject(error)
      for (const unit of units) {
        await client.batch(unit.statements, 'write').then((r) => unit.resolve(changesOf(r)), unit.reject)
      }
    }
  }
  const write = (statements: SqlStatement[]) =>
    new Promise<Array<{ changes: number }>>((resolve, reject) => {
      queue.push({ statements: statements.map(toIn), resolve, reject })
      if (queue.length === 1) setImmediate(() => void flush())
    })

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
      const [result] = await write([statement])
      return result ?? { changes: 0 }
    },
    batch: write,
    close: () => client.close(),
  }
}
