import type { SqlDriver } from '../../../src/server/store/sql-driver'

const TABLES = ['window_keys', 'slots', 'requests', 'messages', 'metrics', 'staff_members', 'staff_memberships', 'staff_passkeys', 'staff_sessions', 'staff_invites', 'audit_log', 'availability', 'slot_cancellations'] as const

/** Every stored row, in a stable order, to prove that bad input changed nothing. */
export async function snapshotTables(driver: SqlDriver): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {}
  for (const table of TABLES) snapshot[table] = await driver.all({ sql: `SELECT * FROM ${table} ORDER BY rowid`, args: [] })
  return snapshot
}
