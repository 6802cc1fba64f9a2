import type { CaseStatus } from '../../shared/schemas/case-status'
import type { ConsultationMode } from '../../shared/schemas/common'
import type { SlotCancelReason } from '../../shared/schemas/requests'
import { isUniqueViolation, sql, type SqlDriver, type SqlRow } from './sql-driver'
import type { RetentionCutoffs } from '../../shared/schemas/retention'
import type { RequestStatus, StoredMessage, Store } from './store'

/** Requests the retention rules have made due (src/shared/schemas/retention.ts); binds closed, cancelled, open cutoffs. */
const DUE = `SELECT request_id FROM requests WHERE
  (case_status = 'closed' AND COALESCE(status_at, updated_at) < ?)
  OR (case_status = 'cancelled' AND COALESCE(status_at, updated_at) < ?)
  OR (case_status NOT IN ('closed', 'cancelled') AND updated_at < ?)`

const text = (v: SqlRow[string] | undefined) => (v === null || v === undefined ? null : String(v))

/** Requests and their messages as ciphertext, the idempotency record, cancel and deletion. */
export function createRequestStore(db: SqlDriver) {
  return {
    async requestReplay(requestId) {
      const [row] = await db.all(sql('SELECT body_hash, first_response FROM requests WHERE request_id = ?', requestId))
      return row ? { bodyHash: String(row.body_hash), firstResponse: String(row.first_response) } : null
    },
    async createRequest(r) {
      const quota = r.slotId ? null : r.windowQuota
      const insert = sql(
        `INSERT INTO requests (request_id, window_id, mode, slot_id, lookup_id, auth_hash, envelope, status,
           body_hash, first_response, created_at, updated_at, delete_after)
         SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?` +
          // With a slot, the row exists only if the UPDATE before it won the slot for this request.
          (r.slotId ? ' WHERE EXISTS (SELECT 1 FROM slots WHERE id = ? AND booked_request_id = ?)' : '') +
          (quota ? ` WHERE COALESCE((SELECT count FROM window_day_counts WHERE window_id = ? AND day = date(?, '+9 hours')), 0) < ?` : ''),
        r.requestId, r.windowId, r.mode, r.slotId, r.lookupId, r.authHash, r.envelope,
        r.slotId ? 'booked' : 'waiting', r.bodyHash, r.firstResponse, r.createdAt, r.createdAt, r.deleteAfter,
        ...(r.slotId ? [r.slotId, r.requestId] : []),
        ...(quota ? [r.windowId, r.createdAt, quota] : []),
      )
      try {
        if (!r.slotId) {
          // > 0, not === 1: D1 counts the rows migration 0014's trigger writes too.
          const { changes } = await db.run(insert)
          return changes > 0 ? 'created' : 'windowFull'
        }
        const [, inserted] = await db.batch([
          sql('UPDATE slots SET booked_request_id = ? WHERE id = ? AND booked_request_id IS NULL', r.requestId, r.slotId),
          insert,
        ])
        return inserted && inserted.changes > 0 ? 'created' : 'slotTaken'
      } catch (error) {
        if (isUniqueViolation(error)) return 'duplicate'
        throw error
      }
    },
    async findByLookup(lookupId) {
      const [row] = await db.all(
        sql(
          'SELECT request_id, window_id, mode, slot_id, auth_hash, status, case_status, video_envelope, delete_after, slot_notice_reason, slot_notice_start, updated_at, COALESCE(status_at, created_at) AS status_at FROM requests WHERE lookup_id = ?',
          lookupId,
        ),
      )
      if (!row) return null
      return {
        requestId: String(row.request_id),
        windowId: String(row.window_id),
        mode: row.mode as ConsultationMode,
        slotId: text(row.slot_id),
        authHash: String(row.auth_hash),
        status: row.status as RequestStatus,
        caseStatus: row.case_status as CaseStatus,
        video: text(row.video_envelope),
        deleteAfter: String(row.delete_after),
        statusAt: String(row.status_at),
        updatedAt: String(row.updated_at),
        slotNotice: row.slot_notice_reason ? { reason: row.slot_notice_reason as SlotCancelReason, start: String(row.slot_notice_start) } : null,
      }
    },
    async messages(requestId) {
      const rows = await db.all(sql(`SELECT id, "from", sent_at, envelope FROM messages WHERE request_id = ? AND kind != 'note' ORDER BY sent_at, id`, requestId))
      return rows.map((r) => ({ id: String(r.id), from: r.from as StoredMessage['from'], sentAt: String(r.sent_at), envelope: String(r.envelope) }))
    },
    async addMessage(requestId, m, touchedAt, deleteAfter) {
      await db.batch([
        sql('INSERT INTO messages (id, request_id, "from", sent_at, envelope) VALUES (?, ?, ?, ?, ?)', m.id, requestId, m.from, m.sentAt, m.envelope),
        sql('UPDATE requests SET updated_at = ?, delete_after = ? WHERE request_id = ?', touchedAt, deleteAfter, requestId),
      ])
    },
    async cancel(requestId, at) {
      await db.batch([
        sql('UPDATE slots SET booked_request_id = NULL WHERE booked_request_id = ?', requestId),
        sql("UPDATE requests SET status = 'cancelled', case_status = 'cancelled', updated_at = ?, status_at = ? WHERE request_id = ?", at, at, requestId),
      ])
    },
    async purgeExpired(cutoffs: RetentionCutoffs) {
      const due = [cutoffs.closed, cutoffs.cancelled, cutoffs.open]
      const [, , , , removed] = await db.batch([
        // One transaction: the audit entries name exactly the requests deleted, by id and rule, no content.
        sql(
          `INSERT INTO audit_log (at, member_id, window_id, action, request_id, target)
           SELECT ?, NULL, window_id, 'case.deleted', request_id, case_status FROM requests WHERE request_id IN (${DUE})`,
          cutoffs.now, ...due,
        ),
        sql(`UPDATE slots SET booked_request_id = NULL WHERE booked_request_id IN (${DUE})`, ...due),
        sql(`DELETE FROM case_contacts WHERE request_id IN (${DUE})`, ...due),
        sql(`DELETE FROM messages WHERE request_id IN (${DUE})`, ...due),
        sql(`DELETE FROM requests WHERE request_id IN (${DUE})`, ...due),
        // The window quota's counts of past days (migration 0014): yesterday's is kept for a clock a little behind.
        sql(`DELETE FROM window_day_counts WHERE day < date(?, '+9 hours', '-1 day')`, cutoffs.now),
      ])
      return removed?.changes ?? 0
    },
  } satisfies Partial<Store>
}
