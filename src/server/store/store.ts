import type { ConsultationMode } from '../../shared/schemas/common'
import { staffCertificateSchema, type RecipientKey, type StaffCertificate } from '../../shared/schemas/envelope'
import type { Slot } from '../../shared/schemas/requests'
import { sql, type SqlDriver, type SqlRow } from './sql-driver'
import { isUniqueViolation } from './sql-driver'
import { createCampaignStore, type CampaignStore } from '../campaigns/campaign-store'
import { createCaseStore, type CaseStore } from '../staff/case-store'
import { createStaffStore, type StaffStore } from '../staff/staff-store'
import type { CaseStatus } from '../../shared/schemas/case-status'

/** The stored routing status: set on booking and cancel; what the person sees is publicStatusOf(case_status). */
export type RequestStatus = 'waiting' | 'booked' | 'done' | 'cancelled'

export interface NewRequest {
  requestId: string
  windowId: string
  mode: ConsultationMode
  slotId: string | null
  lookupId: string
  authHash: string
  envelope: string
  bodyHash: string
  firstResponse: string
  createdAt: string
  deleteAfter: string
}

export interface StoredRequest {
  requestId: string
  windowId: string
  mode: ConsultationMode
  slotId: string | null
  authHash: string
  status: RequestStatus
  caseStatus: CaseStatus
  videoUrl: string | null
  deleteAfter: string
}

export interface StoredMessage {
  id: string
  from: 'staff' | 'person'
  sentAt: string
  envelope: string
}

export interface WindowKeyRow extends RecipientKey {
  windowId: string
  createdAt: string
}

export type CreateOutcome = 'created' | 'slotTaken' | 'duplicate'

export interface Store {
  staffKeys(): Promise<WindowKeyRow[]>
  addWindowKey(key: WindowKeyRow): Promise<void>
  insertSlots(slots: Slot[]): Promise<number>
  getSlot(id: string): Promise<(Slot & { booked: boolean }) | null>
  openSlots(windowId: string, from: string, to: string, mode?: ConsultationMode, limit?: number): Promise<Slot[]>
  /** The stored idempotency record of a request id, if any. */
  requestReplay(requestId: string): Promise<{ bodyHash: string; firstResponse: string } | null>
  /** Inserts the request and, when it names a slot, books that slot in the same transaction. */
  createRequest(request: NewRequest): Promise<CreateOutcome>
  findByLookup(lookupId: string): Promise<StoredRequest | null>
  messages(requestId: string): Promise<StoredMessage[]>
  addMessage(requestId: string, message: StoredMessage, touchedAt: string, deleteAfter: string): Promise<void>
  cancel(requestId: string, at: string): Promise<void>
  countMetric(campaign: string, event: string, day: string): Promise<void>
  /** QR campaigns and their anonymous counts (src/server/campaigns/). */
  readonly campaigns: CampaignStore
  /** Staff members, passkeys, sessions, invites, staff keys and the audit log (src/server/staff/). */
  readonly staff: StaffStore
  /** The window's requests as staff see them (src/server/staff/). */
  readonly cases: CaseStore
  purgeExpired(now: string): Promise<number>
}

const text = (v: SqlRow[string] | undefined) => (v === null || v === undefined ? null : String(v))

/** A stored certificate, or null; the public form verifies it, so a malformed one is simply no certificate. */
function certificateOf(value: SqlRow[string] | undefined): StaffCertificate | null {
  const parsed = staffCertificateSchema.safeParse(typeof value === 'string' ? safeJson(value) : null)
  return parsed.success ? parsed.data : null
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value)
  } catch {
    return null
  }
}

function toSlot(row: SqlRow): Slot {
  return {
    id: String(row.id),
    windowId: String(row.window_id),
    mode: row.mode as Slot['mode'],
    start: String(row.start),
    end: String(row.end),
  }
}

const SLOT_COLUMNS = 'id, window_id, mode, start, "end", booked_request_id'

export function createSqlStore(db: SqlDriver): Store {
  return {
    campaigns: createCampaignStore(db),
    staff: createStaffStore(db),
    cases: createCaseStore(db),
    async staffKeys() {
      const rows = await db.all(
        sql("SELECT * FROM window_keys WHERE kind = 'staff' AND revoked_at IS NULL ORDER BY window_id, created_at"),
      )
      return rows.map((r) => ({
        keyId: String(r.key_id),
        windowId: String(r.window_id),
        kind: 'staff' as const,
        publicKey: String(r.public_key),
        fingerprint: String(r.fingerprint),
        certificate: certificateOf(r.certificate),
        createdAt: String(r.created_at),
      }))
    },

    async addWindowKey(key) {
      await db.run(
        sql(
          'INSERT OR IGNORE INTO window_keys (key_id, window_id, kind, public_key, fingerprint, created_at, certificate) VALUES (?, ?, ?, ?, ?, ?, ?)',
          key.keyId, key.windowId, key.kind, key.publicKey, key.fingerprint, key.createdAt, key.certificate ? JSON.stringify(key.certificate) : null,
        ),
      )
    },

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

    async requestReplay(requestId) {
      const [row] = await db.all(sql('SELECT body_hash, first_response FROM requests WHERE request_id = ?', requestId))
      return row ? { bodyHash: String(row.body_hash), firstResponse: String(row.first_response) } : null
    },

    async createRequest(r) {
      const insert = sql(
        `INSERT INTO requests (request_id, window_id, mode, slot_id, lookup_id, auth_hash, envelope, status,
           body_hash, first_response, created_at, updated_at, delete_after)
         SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?` +
          // With a slot, the row exists only if the UPDATE before it won the slot for this request.
          (r.slotId ? ' WHERE EXISTS (SELECT 1 FROM slots WHERE id = ? AND booked_request_id = ?)' : ''),
        r.requestId, r.windowId, r.mode, r.slotId, r.lookupId, r.authHash, r.envelope,
        r.slotId ? 'booked' : 'waiting', r.bodyHash, r.firstResponse, r.createdAt, r.createdAt, r.deleteAfter,
        ...(r.slotId ? [r.slotId, r.requestId] : []),
      )
      try {
        if (!r.slotId) {
          await db.run(insert)
          return 'created'
        }
        const [, inserted] = await db.batch([
          sql('UPDATE slots SET booked_request_id = ? WHERE id = ? AND booked_request_id IS NULL', r.requestId, r.slotId),
          insert,
        ])
        return inserted && inserted.changes === 1 ? 'created' : 'slotTaken'
      } catch (error) {
        if (isUniqueViolation(error)) return 'duplicate'
        throw error
      }
    },

    async findByLookup(lookupId) {
      const [row] = await db.all(
        sql('SELECT request_id, window_id, mode, slot_id, auth_hash, status, case_status, video_url, delete_after FROM requests WHERE lookup_id = ?', lookupId),
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
        videoUrl: text(row.video_url),
        deleteAfter: String(row.delete_after),
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
        sql("UPDATE requests SET status = 'cancelled', case_status = 'cancelled', updated_at = ? WHERE request_id = ?", at, requestId),
      ])
    },

    async countMetric(campaign, event, day) {
      await db.run(
        sql(
          'INSERT INTO metrics (campaign, event, day, count) VALUES (?, ?, ?, 1) ON CONFLICT (campaign, event, day) DO UPDATE SET count = count + 1',
          campaign, event, day,
        ),
      )
    },

    async purgeExpired(now) {
      const [, , , removed] = await db.batch([
        sql('UPDATE slots SET booked_request_id = NULL WHERE booked_request_id IN (SELECT request_id FROM requests WHERE delete_after < ?)', now),
        sql('DELETE FROM case_contacts WHERE request_id IN (SELECT request_id FROM requests WHERE delete_after < ?)', now),
        sql('DELETE FROM messages WHERE request_id IN (SELECT request_id FROM requests WHERE delete_after < ?)', now),
        sql('DELETE FROM requests WHERE delete_after < ?', now),
      ])
      return removed?.changes ?? 0
    },
  }
}
