import type { SlotNotice } from '../../shared/schemas/availability'
import type { CaseStatus } from '../../shared/schemas/case-status'
import type { CaseOrigin } from '../../shared/schemas/contact-log'
import type { ConsultationMode } from '../../shared/schemas/common'
import type { Slot } from '../../shared/schemas/requests'
import type { MessageKind } from '../../shared/schemas/staff'
import type { CaseHandover } from '../../shared/schemas/case-handover'
import { sql, type SqlDriver, type SqlRow } from '../store/sql-driver'

/** The requests of a window as staff see them: ciphertext, routing fields and the case's status. */

export interface StoredCase {
  requestId: string
  windowId: string
  mode: ConsultationMode
  status: CaseStatus
  slot: Slot | null
  createdAt: string
  updatedAt: string
  envelope: string
  unreadFollowUps: number
  /** The sealed video link (JSON text of a reply envelope). */
  video: string | null
  origin: CaseOrigin
  handovers: CaseHandover[]
  slotNotice: SlotNotice | null
}

export interface StoredCaseMessage {
  id: string
  kind: MessageKind
  sentAt: string
  authorId: string | null
  envelope: string
}

const CASE_COLUMNS = `r.request_id, r.window_id, r.mode, r.case_status, r.created_at, r.updated_at, r.envelope, r.video_envelope, r.origin,
  r.slot_notice_reason, r.slot_notice_start, r.tell_person,
  s.id AS slot_id, s.start AS slot_start, s."end" AS slot_end, s.mode AS slot_mode,
  (SELECT COUNT(*) FROM messages m WHERE m.request_id = r.request_id AND m.kind = 'followUp'
     AND (r.staff_read_at IS NULL OR m.sent_at > r.staff_read_at)) AS unread,
  (SELECT json_group_array(json_object('fromWindowId', h.from_window_id, 'toWindowId', h.to_window_id, 'at', h.at))
     FROM case_handovers h WHERE h.request_id = r.request_id) AS handovers`

const CASE_FROM = `FROM requests r LEFT JOIN slots s ON s.booked_request_id = r.request_id`

function handoversOf(value: SqlRow[string] | undefined): CaseHandover[] {
  try {
    const list = JSON.parse(String(value ?? '[]')) as CaseHandover[]
    return list.sort((a, b) => a.at.localeCompare(b.at))
  } catch {
    return []
  }
}

function toCase(r: SqlRow): StoredCase {
  return {
    requestId: String(r.request_id),
    windowId: String(r.window_id),
    mode: r.mode as ConsultationMode,
    status: r.case_status as CaseStatus,
    slot: r.slot_id
      ? { id: String(r.slot_id), windowId: String(r.window_id), mode: r.slot_mode as Slot['mode'], start: String(r.slot_start), end: String(r.slot_end) }
      : null,
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    envelope: String(r.envelope),
    unreadFollowUps: Number(r.unread ?? 0),
    video: r.video_envelope === null || r.video_envelope === undefined ? null : String(r.video_envelope),
    origin: (r.origin ?? 'online') as CaseOrigin,
    handovers: handoversOf(r.handovers),
    slotNotice: r.slot_notice_reason
      ? { reason: r.slot_notice_reason as SlotNotice['reason'], start: String(r.slot_notice_start), tellPerson: Number(r.tell_person) === 1 }
      : null,
  }
}

/** Cancelled by the person or by staff: both columns say so, and the slot is free again. */
const CANCELLED = 'cancelled'

export function createCaseStore(db: SqlDriver) {
  return {
    async list(windowId: string, limit = 500): Promise<StoredCase[]> {
      const rows = await db.all(sql(`SELECT ${CASE_COLUMNS} ${CASE_FROM} WHERE r.window_id = ? ORDER BY r.created_at DESC LIMIT ?`, windowId, limit))
      return rows.map(toCase)
    },

    async get(windowId: string, requestId: string): Promise<StoredCase | null> {
      const [row] = await db.all(sql(`SELECT ${CASE_COLUMNS} ${CASE_FROM} WHERE r.window_id = ? AND r.request_id = ?`, windowId, requestId))
      return row ? toCase(row) : null
    },

    async messages(requestId: string): Promise<StoredCaseMessage[]> {
      const rows = await db.all(
        sql(
          `SELECT id, kind, sent_at, author_id, envelope FROM messages WHERE request_id = ?
           UNION ALL SELECT id, 'contact' AS kind, sent_at, author_id, envelope FROM case_contacts WHERE request_id = ?
           UNION ALL SELECT id, 'consent' AS kind, sent_at, author_id, envelope FROM case_consents WHERE request_id = ?
           ORDER BY sent_at, id`,
          requestId, requestId, requestId,
        ),
      )
      return rows.map((r) => ({
        id: String(r.id),
        kind: r.kind as MessageKind,
        sentAt: String(r.sent_at),
        authorId: r.author_id === null ? null : String(r.author_id),
        envelope: String(r.envelope),
      }))
    },

    /** Replies and notes staff added to the case, with its contact log entries; and its consents. */
    async staffEnvelopeCounts(requestId: string): Promise<{ written: number; consents: number }> {
      const [row] = await db.all(
        sql(
          `SELECT (SELECT COUNT(*) FROM messages WHERE request_id = ? AND "from" = 'staff')
                + (SELECT COUNT(*) FROM case_contacts WHERE request_id = ?) AS written,
                  (SELECT COUNT(*) FROM case_consents WHERE request_id = ?) AS consents`,
          requestId, requestId, requestId,
        ),
      )
      return { written: Number(row?.written ?? 0), consents: Number(row?.consents ?? 0) }
    },

    /** A reply or a note. Throws a unique violation when the id is taken (nothing is overwritten). */
    async addStaffMessage(requestId: string, message: StoredCaseMessage) {
      await db.batch([
        sql(
          `INSERT INTO messages (id, request_id, "from", sent_at, envelope, kind, author_id) VALUES (?, ?, 'staff', ?, ?, ?, ?)`,
          message.id, requestId, message.sentAt, message.envelope, message.kind, message.authorId,
        ),
        sql('UPDATE requests SET updated_at = ? WHERE request_id = ?', message.sentAt, requestId),
      ])
    },

    /** An entry of the contact log, in its own table that /status never reads. Throws a unique violation on a taken id. */
    async addContact(requestId: string, contact: Omit<StoredCaseMessage, 'kind'>) {
      await db.batch([
        sql('INSERT INTO case_contacts (id, request_id, sent_at, author_id, envelope) VALUES (?, ?, ?, ?, ?)', contact.id, requestId, contact.sentAt, contact.authorId, contact.envelope),
        sql('UPDATE requests SET updated_at = ? WHERE request_id = ?', contact.sentAt, requestId),
      ])
    },

    async setOrigin(requestId: string, origin: CaseOrigin) {
      await db.run(sql('UPDATE requests SET origin = ? WHERE request_id = ?', origin, requestId))
    },

    async setStatus(requestId: string, status: CaseStatus, at: string) {
      const statements = [
        sql(
          `UPDATE requests SET case_status = ?, updated_at = ?,
             status_at = CASE WHEN case_status = ? THEN COALESCE(status_at, updated_at) ELSE ? END,
             status = CASE WHEN ? = '${CANCELLED}' THEN '${CANCELLED}' WHEN status = '${CANCELLED}' THEN 'waiting' ELSE status END
           WHERE request_id = ?`,
          status, at, status, at, status, requestId,
        ),
      ]
      if (status === CANCELLED) statements.unshift(sql('UPDATE slots SET booked_request_id = NULL WHERE booked_request_id = ?', requestId))
      await db.batch(statements)
    },

    async setVideo(requestId: string, sealed: string | null, at: string) {
      await db.run(sql('UPDATE requests SET video_envelope = ?, updated_at = ? WHERE request_id = ?', sealed, at, requestId))
    },

    async markRead(requestId: string, at: string) {
      await db.run(sql('UPDATE requests SET staff_read_at = ? WHERE request_id = ?', at, requestId))
    },
  }
}

export type CaseStore = ReturnType<typeof createCaseStore>
