import { modeAvailabilitySchema, type ModeAvailability, type SlotCancelReason, type SlotMode, type StaffSlot } from '../../shared/schemas/availability'
import type { Slot } from '../../shared/schemas/requests'
import type { Cancellation } from '../slots/availability-rules'
import { sql, type SqlDriver, type SqlStatement } from '../store/sql-driver'

export interface StoredAvailability {
  windowId: string
  mode: SlotMode
  settings: ModeAvailability
  updatedAt: string
}

interface ExistingSlot extends Slot {
  booked: boolean
}

/** Cases whose booked time is taken away keep their place in the inbox and go back to 連絡待ち (received, no slot). */
function takeAwayBooking(requestId: string, reason: SlotCancelReason, start: string, at: string): SqlStatement {
  return sql(
    `UPDATE requests SET slot_id = NULL, status = 'waiting',
       case_status = CASE WHEN case_status IN ('contacted', 'scheduled') THEN 'received' ELSE case_status END,
       slot_notice_reason = ?, slot_notice_start = ?, tell_person = ?, updated_at = ?
     WHERE request_id = ?`,
    reason, start, reason === 'released' ? 0 : 1, at, requestId,
  )
}

/** Availability staff saved, the slots made from it, and what staff cancelled or released (src/server/staff/). */
export function createAvailabilityStore(db: SqlDriver) {
  return {
    /** Saved settings; a row that no longer parses (an older shape) counts as not saved. */
    async saved(windowId?: string): Promise<StoredAvailability[]> {
      const rows = await db.all(
        sql(`SELECT window_id, mode, settings, updated_at FROM availability WHERE ? IS NULL OR window_id = ?`, windowId ?? null, windowId ?? null),
      )
      return rows.flatMap((r) => {
        const parsed = modeAvailabilitySchema.safeParse(JSON.parse(String(r.settings)))
        return parsed.success ? [{ windowId: String(r.window_id), mode: r.mode as SlotMode, settings: parsed.data, updatedAt: String(r.updated_at) }] : []
      })
    },

    async save(windowId: string, mode: SlotMode, settings: ModeAvailability, at: string, memberId: string) {
      await db.run(
        sql(
          `INSERT INTO availability (window_id, mode, settings, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (window_id, mode) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
          windowId, mode, JSON.stringify(settings), at, memberId,
        ),
      )
    },

    async cancellations(windowId: string, mode: SlotMode, fromDay: string): Promise<Cancellation[]> {
      const rows = await db.all(sql('SELECT day, start FROM slot_cancellations WHERE window_id = ? AND mode = ? AND day >= ?', windowId, mode, fromDay))
      return rows.map((r) => ({ day: String(r.day), start: r.start === null ? null : String(r.start) }))
    },

    /** Slots of one mode starting at or after `from`, booked or not. */
    async futureSlots(windowId: string, mode: SlotMode, from: string): Promise<ExistingSlot[]> {
      const rows = await db.all(sql('SELECT id, start, "end", booked_request_id FROM slots WHERE window_id = ? AND mode = ? AND start >= ?', windowId, mode, from))
      return rows.map((r) => ({ id: String(r.id), windowId, mode, start: String(r.start), end: String(r.end), booked: r.booked_request_id !== null }))
    },

    /** Deletes open slots (a booking that raced in keeps its slot) and inserts new ones, in one transaction. */
    async replaceOpenSlots(remove: string[], add: Slot[]): Promise<{ added: number; removed: number }> {
      if (remove.length + add.length === 0) return { added: 0, removed: 0 }
      const results = await db.batch([
        ...remove.map((id) => sql('DELETE FROM slots WHERE id = ? AND booked_request_id IS NULL', id)),
        ...add.map((s) => sql('INSERT OR IGNORE INTO slots (id, window_id, mode, start, "end") VALUES (?, ?, ?, ?, ?)', s.id, s.windowId, s.mode, s.start, s.end)),
      ])
      const sum = (from: number, to: number) => results.slice(from, to).reduce((n, r) => n + r.changes, 0)
      return { removed: sum(0, remove.length), added: sum(remove.length, results.length) }
    },

    /** The window's slots in a range, with the booking's request id and when it was made (never who). */
    async staffSlots(windowId: string, from: string, to: string): Promise<StaffSlot[]> {
      const rows = await db.all(
        sql(
          `SELECT s.id, s.mode, s.start, s."end", r.request_id, r.created_at FROM slots s
           LEFT JOIN requests r ON r.request_id = s.booked_request_id
           WHERE s.window_id = ? AND s.start >= ? AND s.start < ? ORDER BY s.start, s.mode LIMIT 2000`,
          windowId, from, to,
        ),
      )
      return rows.map((r) => ({
        id: String(r.id),
        windowId,
        mode: r.mode as StaffSlot['mode'],
        start: String(r.start),
        end: String(r.end),
        booking: r.request_id === null || r.request_id === undefined ? null : { requestId: String(r.request_id), createdAt: String(r.created_at) },
      }))
    },

    /**
     * Cancels future slots (one, or a day of some modes) so they are never made again; a booking in
     * one goes back to 連絡待ち with the reason, and its case asks staff to tell the person.
     */
    async cancel(windowId: string, target: { slotId: string } | { day: string; modes: SlotMode[] }, reason: Exclude<SlotCancelReason, 'released'>, now: string, memberId: string) {
      const slots = await db.all(
        'slotId' in target
          ? sql('SELECT id, mode, start, booked_request_id FROM slots WHERE window_id = ? AND id = ? AND start > ?', windowId, target.slotId, now)
          : sql(
              `SELECT id, mode, start, booked_request_id FROM slots WHERE window_id = ? AND start > ? AND substr(start, 1, 10) = ?
                 AND mode IN (SELECT value FROM json_each(?))`,
              windowId, now, target.day, JSON.stringify(target.modes),
            ),
      )
      const marks =
        'slotId' in target
          ? slots.map((s) => sql('INSERT OR IGNORE INTO slot_cancellations (window_id, mode, day, start, reason, at, member_id) VALUES (?, ?, ?, ?, ?, ?, ?)', windowId, String(s.mode), String(s.start).slice(0, 10), String(s.start), reason, now, memberId))
          : target.modes.map((mode) => sql('INSERT OR IGNORE INTO slot_cancellations (window_id, mode, day, start, reason, at, member_id) VALUES (?, ?, ?, NULL, ?, ?, ?)', windowId, mode, target.day, reason, now, memberId))
      const booked = slots.filter((s) => s.booked_request_id !== null)
      const statements = [
        ...marks,
        ...booked.map((s) => takeAwayBooking(String(s.booked_request_id), reason, String(s.start), now)),
        ...slots.map((s) => sql('DELETE FROM slots WHERE id = ?', String(s.id))),
      ]
      // D1 refuses an empty batch.
      if (statements.length > 0) await db.batch(statements)
      return { cancelledSlots: slots.length, affected: booked.map((s) => String(s.booked_request_id)) }
    },

    /** Frees the slots of these bookings of the window (they become open again); returns the requests released. */
    async release(windowId: string, requestIds: string[], now: string): Promise<string[]> {
      const rows = await db.all(
        sql(
          `SELECT s.id, s.start, s.booked_request_id FROM slots s JOIN requests r ON r.request_id = s.booked_request_id
           WHERE r.window_id = ? AND s.booked_request_id IN (SELECT value FROM json_each(?))`,
          windowId, JSON.stringify(requestIds),
        ),
      )
      if (rows.length === 0) return []
      await db.batch(
        rows.flatMap((s) => [
          sql('UPDATE slots SET booked_request_id = NULL WHERE id = ?', String(s.id)),
          takeAwayBooking(String(s.booked_request_id), 'released', String(s.start), now),
        ]),
      )
      return rows.map((s) => String(s.booked_request_id))
    },

    /** A member has told the person: the case stops asking. */
    async markTold(windowId: string, requestId: string): Promise<boolean> {
      const { changes } = await db.run(sql('UPDATE requests SET tell_person = 0 WHERE window_id = ? AND request_id = ? AND tell_person = 1', windowId, requestId))
      return changes === 1
    },
  }
}

export type AvailabilityStore = ReturnType<typeof createAvailabilityStore>
