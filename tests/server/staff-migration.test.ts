import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { caseStatuses } from '../../src/shared/schemas/case-status'
import { messageKinds, staffRoles } from '../../src/shared/schemas/staff'
import { openLibsqlDriver } from '../../src/server/store/libsql-driver'
import { MIGRATIONS_DIR, migrate } from '../../src/server/store/migrate'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const migration = readFileSync(join(MIGRATIONS_DIR, '0003_staff.sql'), 'utf8')
const checkLists = (column: string) =>
  [...migration.matchAll(new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`, 'g'))].map((m) => [...m[1]!.matchAll(/'([^']+)'/g)].map((v) => v[1]))

describe('移行 0003 (職員側) の CHECK は共有の一覧と同じ', () => {
  it('requests.case_status は caseStatuses、messages.kind は messageKinds、role は staffRoles', () => {
    expect(checkLists('case_status')).toEqual([[...caseStatuses]])
    // Contact-log entries (0004) and consents (0008) are kept in tables of their own, never among the person's messages.
    expect(checkLists('kind')).toEqual([messageKinds.filter((kind) => kind !== 'contact' && kind !== 'consent')])
    expect(checkLists('role')).toEqual([[...staffRoles], [...staffRoles]])
  })

  it('本物の SQLite で、一覧のどの状態も入り、一覧にない状態は拒まれる', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsunagu-migration-'))
    dirs.push(dir)
    const driver = await openLibsqlDriver(dir)
    await migrate(driver)
    // A real time: migration 0014 counts each insert under its Tokyo day.
    const at = new Date().toISOString()
    const insert = (status: string) =>
      driver.execScript(
        `INSERT INTO requests (request_id, window_id, mode, lookup_id, auth_hash, envelope, status, body_hash, first_response, created_at, updated_at, delete_after, case_status)
         VALUES ('r-${status}', 'toshima', 'phone', 'l-${status}', 'h', '{}', 'waiting', 'b', '{}', '${at}', '${at}', '${at}', '${status}')`,
      )
    for (const status of caseStatuses) insert(status)
    expect(() => insert('replied')).toThrow(/CHECK/)
    driver.close()
  })
})
