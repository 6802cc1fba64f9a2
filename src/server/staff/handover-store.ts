import { sql, type SqlDriver, type SqlStatement } from '../store/sql-driver'

/** Where an envelope of a case is kept: the request row itself, or one of the message tables. */
type EnvelopeTable = 'requests' | 'messages' | 'case_contacts' | 'case_consents'

export interface StoredEnvelope {
  messageId: string
  table: EnvelopeTable
  envelope: string
}

export interface CertifiedKey {
  keyId: string
  memberId: string
  displayName: string
  publicKey: string
  fingerprint: string
  certificate: string
}

function update(e: StoredEnvelope, requestId: string, next: string, guarded: boolean): SqlStatement {
  const guard = guarded ? ' AND envelope = ?' : ''
  const tail = guarded ? [e.envelope] : []
  if (e.table === 'requests') return sql(`UPDATE requests SET envelope = ? WHERE request_id = ?${guard}`, next, requestId, ...tail)
  return sql(`UPDATE ${e.table} SET envelope = ? WHERE id = ? AND request_id = ?${guard}`, next, e.messageId, requestId, ...tail)
}

/** Consent records, the keys a case may be sealed to, and the writes of re-seal and hand-over. */
export function createHandoverStore(db: SqlDriver) {
  return {
    /** Throws a unique violation when the id is taken (nothing is overwritten). */
    async addConsent(requestId: string, consent: { id: string; sentAt: string; authorId: string; envelope: string }) {
      await db.batch([
        sql('INSERT INTO case_consents (id, request_id, sent_at, author_id, envelope) VALUES (?, ?, ?, ?, ?)', consent.id, requestId, consent.sentAt, consent.authorId, consent.envelope),
        sql('UPDATE requests SET updated_at = ? WHERE request_id = ?', consent.sentAt, requestId),
      ])
    },

    async hasConsent(requestId: string): Promise<boolean> {
      const [row] = await db.all(sql('SELECT 1 AS yes FROM case_consents WHERE request_id = ? LIMIT 1', requestId))
      return row !== undefined
    },

    /** Staff keys of the window that are certified now: never a pending or revoked one. */
    async certifiedKeys(windowId: string): Promise<CertifiedKey[]> {
      const rows = await db.all(
        sql(
          `SELECT k.key_id, k.member_id, COALESCE(m.display_name, '') AS display_name, k.public_key, k.fingerprint, k.certificate
           FROM window_keys k LEFT JOIN staff_members m ON m.id = k.member_id
           WHERE k.kind = 'staff' AND k.window_id = ? AND k.revoked_at IS NULL AND k.certificate IS NOT NULL AND m.revoked_at IS NULL
           ORDER BY k.created_at`,
          windowId,
        ),
      )
      return rows.map((r) => ({
        keyId: String(r.key_id),
        memberId: String(r.member_id ?? ''),
        displayName: String(r.display_name),
        publicKey: String(r.public_key),
        fingerprint: String(r.fingerprint),
        certificate: String(r.certificate),
      }))
    },

    async revokedKeyIds(windowId: string): Promise<Set<string>> {
      const rows = await db.all(sql("SELECT key_id FROM window_keys WHERE window_id = ? AND revoked_at IS NOT NULL", windowId))
      return new Set(rows.map((r) => String(r.key_id)))
    },

    /** Every envelope sealed to the window in a case; staff replies use the reply key and are not among them. */
    async envelopes(requestId: string): Promise<StoredEnvelope[]> {
      const rows = await db.all(
        sql(
          `SELECT request_id AS id, 'requests' AS t, envelope FROM requests WHERE request_id = ?
           UNION ALL SELECT id, 'messages' AS t, envelope FROM messages WHERE request_id = ? AND kind != 'reply'
           UNION ALL SELECT id, 'case_contacts' AS t, envelope FROM case_contacts WHERE request_id = ?
           UNION ALL SELECT id, 'case_consents' AS t, envelope FROM case_consents WHERE request_id = ?`,
          requestId, requestId, requestId, requestId,
        ),
      )
      return rows.map((r) => ({ messageId: String(r.id), table: r.t as EnvelopeTable, envelope: String(r.envelope) }))
    },

    /** New envelope texts, each written only if the stored one is still what was read: a lost race changes nothing. */
    async reseal(requestId: string, changes: Array<{ stored: StoredEnvelope; next: string }>): Promise<boolean> {
      const results = await db.batch(changes.map((c) => update(c.stored, requestId, c.next, true)))
      return results.every((r) => r.changes === 1)
    },

    /**
     * Moves the case to another window with its envelopes re-sealed, all or nothing. The first
     * statement is the guard: `from_window_id` is NULL, and the batch fails, unless the case is
     * still in `fromWindowId` and untouched since `updatedAt` (no envelope added in between).
     */
    async handOver(args: { requestId: string; fromWindowId: string; toWindowId: string; updatedAt: string; at: string; memberId: string; changes: Array<{ stored: StoredEnvelope; next: string }> }) {
      const { requestId, fromWindowId, toWindowId, updatedAt, at, memberId } = args
      await db.batch([
        sql(
          `INSERT INTO case_handovers (request_id, from_window_id, to_window_id, at, member_id)
           VALUES (?, (SELECT window_id FROM requests WHERE request_id = ? AND window_id = ? AND updated_at = ?), ?, ?, ?)`,
          requestId, requestId, fromWindowId, updatedAt, toWindowId, at, memberId,
        ),
        ...args.changes.map((c) => update(c.stored, requestId, c.next, false)),
        // The receiving window starts afresh: the old window's slot, video link and any notice of a time
        // it took away are not theirs (the person's /status says the case was passed on instead).
        sql('UPDATE slots SET booked_request_id = NULL WHERE booked_request_id = ?', requestId),
        sql(
          `UPDATE requests SET window_id = ?, updated_at = ?, video_url = NULL, video_envelope = NULL, staff_read_at = NULL, slot_id = NULL,
             slot_notice_reason = NULL, slot_notice_start = NULL, tell_person = 0,
             case_status = CASE WHEN case_status IN ('closed', 'cancelled') THEN case_status ELSE 'received' END,
             status = CASE WHEN status = 'booked' THEN 'waiting' ELSE status END
           WHERE request_id = ?`,
          toWindowId, at, requestId,
        ),
      ])
    },

    async lastHandover(requestId: string): Promise<{ fromWindowId: string; at: string } | null> {
      const [row] = await db.all(sql('SELECT from_window_id, at FROM case_handovers WHERE request_id = ? ORDER BY id DESC LIMIT 1', requestId))
      return row ? { fromWindowId: String(row.from_window_id), at: String(row.at) } : null
    },
  }
}

export type HandoverStore = ReturnType<typeof createHandoverStore>
