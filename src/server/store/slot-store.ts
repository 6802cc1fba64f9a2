import type { Slot } from '../../shared/schemas/requests'
import { sql, type SqlDriver, type SqlRow } from './sql-driver'
import type { Store } from './store'

export function toSlot(row: SqlRow): Slot {
  return {
    id: String(row.id),
    windowId: String(row.window_id),
    mode: row.mode as Slot['mode'],
    start: String(row.start),
    end: String(row.end),
  }
}

export const SLOT_COLUMNS = 'id, window_id, mode, start, "end", booked_request_id'

/** Open and booked slots; booking itself happens in the request store, in one transaction with the request. */
export function createSlotStore(db: SqlDriver) {
  return {
    async insertSlots(slots) {
      if (slots.length === 0) return 0
      const results = await db.batch(
        slots.map((s) =>
          sql('INSERT OR IGNORE INTO slots (id, window_id, mode, start, "end") VALUES (?, ?, ?, ?, ?)', s.id, s.windowId, s.mode, s.start, s.end),
        ),
      )
      return results.reduce((sum, r) => sum + r.changes, 0)
    },
    async getSlot(id) {
      const [row] = await db.all(sql(`SELECT ${SLOT_COLUMNS} FROM slots WHERE id = ?`, id))
      return row ? { ...toSlot(row), booked: row.booked_request_id !== null } : null
    },
    async openSlots(windowId, from, to, mode, limit = 500) {
      const rows = await db.all(
        sql(
          `SELECT ${SLOT_COLUMNS} FROM slots WHERE window_id = ? AND start >= ? AND start < ? AND booked_request_id IS NULL` +
            (mode ? ' AND mode = ?' : ' AND ? IS NULL') +
            ' ORDER BY start, mode LIMIT ?',
          windowId, from, to, mode ?? null, limit,
        ),
      )
      return rows.map(toSlot)
    },
  } satisfies Partial<Store>
}
