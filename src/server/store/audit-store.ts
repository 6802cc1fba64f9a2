import { sql, type SqlDriver } from './sql-driver'

/** Who did what to which case and when (DESIGN §8): an action name and ids, never content. */
export function createAuditStore(db: SqlDriver) {
  return {
    async add(entry: { at: string; memberId: string | null; windowId: string | null; action: string; requestId?: string | null; target?: string | null }) {
      await db.run(
        sql(
          'INSERT INTO audit_log (at, member_id, window_id, action, request_id, target) VALUES (?, ?, ?, ?, ?, ?)',
          entry.at, entry.memberId, entry.windowId, entry.action, entry.requestId ?? null, entry.target ?? null,
        ),
      )
    },
  }
}

export type AuditStore = ReturnType<typeof createAuditStore>
