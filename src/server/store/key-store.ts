import { staffCertificateSchema, type StaffCertificate } from '../../shared/schemas/envelope'
import { sql, type SqlDriver, type SqlRow } from './sql-driver'
import type { Store } from './store'

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


/** The public staff keys served in /api/config (rows with their certificates; the form checks them). */
export function createKeyStore(db: SqlDriver) {
  return {
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
  } satisfies Partial<Store>
}
