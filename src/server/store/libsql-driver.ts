import Database from 'libsql'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { SqlDriver, SqlRow, SqlStatement } from './sql-driver'

export const DATABASE_FILE = 'tsunagu.sqlite'

export interface LibsqlDriver extends SqlDriver {
  /** Runs a script of statements without parameters (a migration), then `record`, in one transaction. */
  execScript(script: string, record?: SqlStatement): void
  /** Copies the WAL into the database file and truncates the WAL to nothing. */
  checkpoint(): void
  close(): void
}

type Changes = Array<{ changes: number }>

interface WriteUnit {
  statements: SqlStatement[]
  resolve: (changes: Changes) => void
  reject: (error: unknown) => void
}

const isConstraintError = (error: unknown) => String((error as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_CONSTRAINT')

/**
 * A real SQLite file under DATA_DIR, in WAL mode, through one synchronous `libsql` connection
 * (the engine under `@libsql/client`, used directly so statements are prepared once, not per call).
 *
 * Writes use group commit: the write units that arrive during one event-loop turn run in order
 * inside ONE transaction, so a unit that breaks a constraint is undone alone (several statements
 * get a savepoint) and only its caller sees the error. If the shared transaction itself fails, every
 * unit is run again on its own. Callers hear back only after their commit.
 */
export async function openLibsqlDriver(dataDir: string): Promise<LibsqlDriver> {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, DATABASE_FILE))
  db.exec('PRAGMA journal_mode = WAL')
  // FULL: a booking answered 201 survives a power cut. After a 201 the person's device drops its
  // sealed copy, so NORMAL (no fsync per commit) could lose a request they believe arrived. Group
  // commit pays the fsync once per batch (measured: about 3 % of requests/s).
  db.exec('PRAGMA synchronous = FULL')
  db.exec('PRAGMA busy_timeout = 5000')
  db.exec('PRAGMA foreign_keys = ON')
  // Deleted rows are overwritten with zeros, not just unlinked: after retention and a checkpoint
  // no ciphertext of a deleted case is left in the file (tests/server/retention-bytes.test.ts).
  db.exec('PRAGMA secure_delete = ON')

  const cache = new Map<string, ReturnType<typeof db.prepare>>()
  const prepared = (text: string) => {
    let statement = cache.get(text)
    if (!statement) {
      if (cache.size >= 200) cache.clear()
      statement = db.prepare(text)
      cache.set(text, statement)
    }
    return statement
  }
  const exec = (text: string) => prepared(text).run([])
  const runAll = (statements: SqlStatement[]): Changes => statements.map((s) => ({ changes: prepared(s.sql).run(s.args).changes }))
  const rollback = () => {
    if (db.inTransaction) exec('ROLLBACK')
  }

  const runAlone = (unit: WriteUnit) => {
    try {
      exec('BEGIN IMMEDIATE')
      const changes = runAll(unit.statements)
      exec('COMMIT')
      unit.resolve(changes)
    } catch (error) {
      rollback()
      unit.reject(error)
    }
  }

  let queue: WriteUnit[] = []
  const flush = () => {
    const units = queue
    queue = []
    if (units.length === 1) return runAlone(units[0] as WriteUnit)
    const outcomes: Array<{ ok: true; changes: Changes } | { ok: false; error: unknown }> = []
    try {
      exec('BEGIN IMMEDIATE')
      for (const unit of units) {
        // A single statement that breaks a constraint is undone by SQLite itself; only several need a savepoint.
        const several = unit.statements.length > 1
        if (several) exec('SAVEPOINT unit')
        try {
          outcomes.push({ ok: true, changes: runAll(unit.statements) })
          if (several) exec('RELEASE unit')
        } catch (error) {
          // Other errors (disk full, I/O) may have ended the transaction: start again unit by unit.
          if (!isConstraintError(error) || !db.inTransaction) throw error
          if (several) {
            exec('ROLLBACK TO unit')
            exec('RELEASE unit')
          }
          outcomes.push({ ok: false, error })
        }
      }
      exec('COMMIT')
    } catch {
      rollback()
      for (const unit of units) runAlone(unit)
      return
    }
    units.forEach((unit, i) => {
      const outcome = outcomes[i]
      if (outcome?.ok) unit.resolve(outcome.changes)
      else unit.reject(outcome?.error)
    })
  }
  const write = (statements: SqlStatement[]) =>
    new Promise<Changes>((resolve, reject) => {
      queue.push({ statements, resolve, reject })
      if (queue.length === 1) setImmediate(flush)
    })

  return {
    async all(statement) {
      return prepared(statement.sql).all(statement.args) as SqlRow[]
    },
    async run(statement) {
      const [result] = await write([statement])
      return result ?? { changes: 0 }
    },
    batch: write,
    execScript(script, record) {
      exec('BEGIN IMMEDIATE')
      try {
        db.exec(script)
        if (record) runAll([record])
        exec('COMMIT')
      } catch (error) {
        rollback()
        throw error
      }
    },
    checkpoint() {
      // Outside any transaction: the group commit runs to its COMMIT within one synchronous turn.
      if (!db.inTransaction) db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    },
    close: () => db.close(),
  }
}
