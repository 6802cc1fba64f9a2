import type { AuditEntry } from '../../shared/schemas/audit'
import { sql, type SqlDriver, type SqlValue } from './sql-driver'

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

    /**
     * A window's entries, newest first: what happened in it, and the sign-ins of its members (which
     * belong to no window). `from`/`to` are UTC ISO bounds (to exclusive); `before` an entry id.
     */
    async list(windowId: string, page: { from?: string; to?: string; before?: number; limit: number }): Promise<AuditEntry[]> {
      const where = ['(a.window_id = ? OR (a.window_id IS NULL AND a.member_id IN (SELECT member_id FROM staff_memberships WHERE window_id = ?)))']
      const args: SqlValue[] = [windowId, windowId]
      const and = (condition: string, value: SqlValue | undefined) => {
        if (value === undefined) return
        where.push(condition)
        args.push(value)
      }
      and('a.at >= ?', page.from)
      and('a.at < ?', page.to)
      and('a.id < ?', page.before)
      const rows = await db.all(
        sql(
          `SELECT a.id, a.at, a.member_id, m.display_name, a.action, a.request_id, a.target
           FROM audit_log a LEFT JOIN staff_members m ON m.id = a.member_id
           WHERE ${where.join(' AND ')} ORDER BY a.id DESC LIMIT ?`,
          ...args, page.limit,
        ),
      )
      const text = (v: SqlValue | undefined) => (v === null || v === undefined ? null : String(v))
      return rows.map((r) => ({
        id: Number(r.id),
        at: String(r.at),
        memberId: text(r.member_id),
        memberName: text(r.display_name),
        action: String(r.action),
        requestId: text(r.request_id),
        target: text(r.target),
      }))
    },
  }
}

export type AuditStore = ReturnType<typeof createAuditStore>
