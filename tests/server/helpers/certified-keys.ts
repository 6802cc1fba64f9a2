import { generateRecipientKeyPair, type RecipientKeyPair } from '../../../src/shared/crypto/window-keys'
import type { WindowKeyRow } from '../../../src/server/store/store'
import { sql, type SqlDriver } from '../../../src/server/store/sql-driver'

/*
 * Staff keys put into the store as certified (or certified, then revoked) before a server starts.
 * The sample deployment pins no certification key, so no key can be certified through the API in
 * the contract suites; the re-seal routes check the stored state, which this seeds on both runtimes.
 */
export interface SeededKeys {
  toshima: RecipientKeyPair[]
  bunkyo: RecipientKeyPair[]
  revokedToshima: RecipientKeyPair
}

let seeded: Promise<SeededKeys> | undefined
export function seededKeys(): Promise<SeededKeys> {
  seeded ??= (async () => {
    const make = (n: number) => Promise.all(Array.from({ length: n }, () => generateRecipientKeyPair({ extractable: true })))
    const [toshima, bunkyo, [revokedToshima]] = await Promise.all([make(3), make(2), make(1)])
    return { toshima, bunkyo, revokedToshima: revokedToshima! }
  })()
  return seeded
}

const certificate = { v: 1 as const, issuedAt: '2026-12-01T00:00:00.000Z', signature: 'A'.repeat(86) }
const REVOKED_AT = '2026-12-02T00:00:00.000Z'

function row(windowId: string, k: RecipientKeyPair): WindowKeyRow {
  return { keyId: k.keyId, windowId, kind: 'staff', publicKey: k.publicKey, fingerprint: k.fingerprint, certificate, createdAt: '2026-12-01T00:00:00.000Z' }
}

/** The rows, with the revoked key's id apart (mark it revoked after inserting). */
export async function seededKeyRows(): Promise<{ rows: WindowKeyRow[]; revokedKeyId: string }> {
  const keys = await seededKeys()
  const rows = [...keys.toshima.map((k) => row('toshima', k)), ...keys.bunkyo.map((k) => row('bunkyo', k)), row('toshima', keys.revokedToshima)]
  return { rows, revokedKeyId: keys.revokedToshima.keyId }
}

/** The same rows as SQL, for D1 (`startWorkerd({ seed })`). */
export async function seededKeySql(): Promise<string[]> {
  const { rows, revokedKeyId } = await seededKeyRows()
  return rows.map(
    (r) =>
      `INSERT INTO window_keys (key_id, window_id, kind, public_key, fingerprint, created_at, certificate, member_id, revoked_at) VALUES ('${r.keyId}', '${r.windowId}', 'staff', '${r.publicKey}', '${r.fingerprint}', '${r.createdAt}', '${JSON.stringify(certificate)}', 'seeded-${r.keyId}', ${r.keyId === revokedKeyId ? `'${REVOKED_AT}'` : 'NULL'})`,
  )
}

/** Seeds a Node store through its SQL driver (the same statements). */
export async function seedNode(driver: SqlDriver) {
  for (const text of await seededKeySql()) await driver.run(sql(text))
}
