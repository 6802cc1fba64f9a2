import { sql, type SqlDriver } from '../store/sql-driver'

export type MoveOutcome = 'moved' | 'slotTaken' | 'caseNotOpen'

export interface MoveBooking {
  requestId: string
  windowId: string
  mode: string
  slotId: string
  at: string
}

/** The case may still change its time: not cancelled, not closed. */
const CASE_OPEN = `EXISTS (SELECT 1 FROM requests WHERE request_id = ? AND window_id = ? AND case_status NOT IN ('cancelled', 'closed'))`
/** The target is a free slot of the case's window and mode. */
const TARGET_FREE = 'EXISTS (SELECT 1 FROM slots WHERE id = ? AND window_id = ? AND mode = ? AND booked_request_id IS NULL)'

/**
 * Moves a booking in ONE transaction (a libsql transaction on Node, a D1 batch on Workers), with no
 * read-then-write gap: every statement re-checks its condition inside the transaction, so the old
 * slot is freed only when the new one is won. Double booking stays impossible for the same reasons
 * as for a new request: the conditional UPDATE (… booked_request_id IS NULL) and the unique index
 * on slots.booked_request_id (migration 0001).
 */
export function createMoveBookingStore(db: SqlDriver) {
  return {
    async move(m: MoveBooking): Promise<MoveOutcome> {
      const [, , updated] = await db.batch([
        sql(
          `UPDATE slots SET booked_request_id = NULL WHERE booked_request_id = ? AND ${TARGET_FREE} AND ${CASE_OPEN}`,
          m.requestId, m.slotId, m.windowId, m.mode, m.requestId, m.windowId,
        ),
        sql(
          `UPDATE slots SET booked_request_id = ? WHERE id = ? AND window_id = ? AND mode = ? AND booked_request_id IS NULL
             AND NOT EXISTS (SELECT 1 FROM slots WHERE booked_request_id = ?) AND ${CASE_OPEN}`,
          m.requestId, m.slotId, m.windowId, m.mode, m.requestId, m.requestId, m.windowId,
        ),
        // /status reads the time through requests.slot_id, so the person sees the new one at once.
        sql(
          `UPDATE requests SET slot_id = ?, status = 'booked', updated_at = ?
           WHERE request_id = ? AND EXISTS (SELECT 1 FROM slots WHERE id = ? AND booked_request_id = ?)`,
          m.slotId, m.at, m.requestId, m.slotId, m.requestId,
        ),
      ])
      if (updated?.changes === 1) return 'moved'
      const [open] = await db.all(sql(`SELECT ${CASE_OPEN} AS open`, m.requestId, m.windowId))
      return Number(open?.open) === 1 ? 'slotTaken' : 'caseNotOpen'
    },
  }
}

export type MoveBookingStore = ReturnType<typeof createMoveBookingStore>
