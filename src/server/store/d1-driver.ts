import type { SqlDriver, SqlRow, SqlStatement } from './sql-driver'

/** The part of Cloudflare's D1Database binding we use (structural, so the root typecheck needs no Workers types). */
export interface D1Like {
  prepare(sql: string): D1PreparedLike
  batch(statements: D1PreparedLike[]): Promise<Array<{ meta: { changes?: number } }>>
}
export interface D1PreparedLike {
  bind(...values: unknown[]): D1PreparedLike
  all(): Promise<{ results: unknown[]; meta: { changes?: number } }>
  run(): Promise<{ meta: { changes?: number } }>
}

export function d1Driver(db: D1Like): SqlDriver {
  const prepare = (s: SqlStatement) => db.prepare(s.sql).bind(...s.args)
  return {
    async all(statement) {
      const result = await prepare(statement).all()
      return result.results as SqlRow[]
    },
    async run(statement) {
      const result = await prepare(statement).run()
      return { changes: result.meta.changes ?? 0 }
    },
    async batch(statements) {
      // D1 runs a batch as one transaction: a failing statement rolls back the others.
      const results = await db.batch(statements.map(prepare))
      return results.map((r) => ({ changes: r.meta.changes ?? 0 }))
    },
  }
}
