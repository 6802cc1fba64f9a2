export type SqlValue = string | number | null

export interface SqlStatement {
  sql: string
  args: SqlValue[]
}

export type SqlRow = Record<string, SqlValue>

/**
 * The little both SQLite-family runtimes share: `libsql` on Node and D1 on Workers.
 * `batch` runs its statements in one transaction: all or nothing.
 */
export interface SqlDriver {
  all(statement: SqlStatement): Promise<SqlRow[]>
  run(statement: SqlStatement): Promise<{ changes: number }>
  batch(statements: SqlStatement[]): Promise<Array<{ changes: number }>>
}

export const sql = (text: string, ...args: SqlValue[]): SqlStatement => ({ sql: text, args })

/** True when a write failed on a UNIQUE or PRIMARY KEY constraint (both drivers say so in the message). */
export function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code ?? '')}` : ''
  return /UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(text)
}
