import { createCaseStore } from '../../src/server/staff/case-store'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibsqlDriver } from '../../src/server/store/libsql-driver'
import { migrate, MIGRATIONS_DIR } from '../../src/server/store/migrate'
import { createSqlStore } from '../../src/server/store/store'
import { retentionCutoffs, retentionOf } from '../../src/shared/schemas/retention'

const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-store-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const slot = { id: 'toshima-phone-20300107-0900', windowId: 'toshima', mode: 'phone' as const, start: '2030-01-07T09:00:00+09:00', end: '2030-01-07T09:50:00+09:00' }
const request = (id: string, slotId: string | null, deleteAfter: string) => ({
  requestId: id, windowId: 'toshima', mode: 'phone' as const, slotId, lookupId: `lookup-${id}`, authHash: 'h', envelope: '{}',
  bodyHash: 'b', firstResponse: '{}', createdAt: '2029-12-01T00:00:00Z', deleteAfter,
})

describe('SQLite ストア (Node)', () => {
  it('再起動しても移行は一度だけ、データは残り、WAL モードで開く', async () => {
    const dir = tempDir()
    const first = await openLibsqlDriver(dir)
    expect(await migrate(first)).toEqual(readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort())
    await createSqlStore(first).insertSlots([slot])
    first.close()
    const again = await openLibsqlDriver(dir)
    expect(await migrate(again)).toEqual([])
    expect(await createSqlStore(again).getSlot(slot.id)).toEqual({ ...slot, booked: false })
    expect(await again.all({ sql: 'PRAGMA journal_mode', args: [] })).toEqual([{ journal_mode: 'wal' }])
    again.close()
  })

  it('削除日を過ぎた相談はメッセージごと消え、押さえていた枠は空きに戻る', async () => {
    const driver = await openLibsqlDriver(tempDir())
    await migrate(driver)
    const store = createSqlStore(driver)
    await store.insertSlots([slot])
    expect(await store.createRequest(request('old', slot.id, '2030-01-01T00:00:00Z'))).toBe('created')
    expect(await store.createRequest({ ...request('new', null, '2031-01-01T00:00:00Z'), createdAt: '2030-06-15T00:00:00Z' })).toBe('created')
    await store.addMessage('old', { id: 'm1', from: 'person', sentAt: '2029-12-02T00:00:00Z', envelope: '{}' }, '2029-12-02T00:00:00Z', '2030-01-01T00:00:00Z')
    await createCaseStore(driver).addContact('old', { id: 'c1', sentAt: '2029-12-03T00:00:00Z', authorId: null, envelope: '{}' })
    // 180 days without activity after the last contact (2029-12-03): due on 2030-07-01, 'new' is not.
    expect(await store.purgeExpired(retentionCutoffs(retentionOf({}), new Date('2030-07-01T00:00:00Z')))).toBe(1)
    expect(await driver.all({ sql: 'SELECT id FROM case_contacts', args: [] })).toEqual([])
    expect(await store.findByLookup('lookup-old')).toBeNull()
    expect(await store.messages('old')).toEqual([])
    expect(await store.findByLookup('lookup-new')).not.toBeNull()
    expect(await store.getSlot(slot.id)).toMatchObject({ booked: false })
    driver.close()
  })

  it('同時に書き込んでも、一意制約に触れた 1 件だけが失敗し、他は保存される', async () => {
    const driver = await openLibsqlDriver(tempDir())
    await migrate(driver)
    const store = createSqlStore(driver)
    const outcomes = await Promise.all([
      store.createRequest(request('a', null, '2031-01-01T00:00:00Z')),
      store.createRequest({ ...request('a', null, '2031-01-01T00:00:00Z'), lookupId: 'other' }),
      store.createRequest(request('b', null, '2031-01-01T00:00:00Z')),
    ])
    expect(outcomes).toEqual(['created', 'duplicate', 'created'])
    expect(await store.findByLookup('lookup-b')).not.toBeNull()
    driver.close()
  })

  it('同時に届いた予約の 1 件が途中で失敗しても、その 1 件が押さえかけた枠は空きのまま、他の予約は成立する', async () => {
    const driver = await openLibsqlDriver(tempDir())
    await migrate(driver)
    const store = createSqlStore(driver)
    const second = { ...slot, id: 'toshima-phone-20300107-1000', start: '2030-01-07T10:00:00+09:00', end: '2030-01-07T10:50:00+09:00' }
    await store.insertSlots([slot, second])
    const outcomes = await Promise.all([
      store.createRequest(request('a', slot.id, '2031-01-01T00:00:00Z')),
      // Its UPDATE takes the second slot, then its INSERT breaks the unique lookup id: both must be undone.
      store.createRequest({ ...request('b', second.id, '2031-01-01T00:00:00Z'), lookupId: 'lookup-a' }),
      store.createRequest(request('c', null, '2031-01-01T00:00:00Z')),
    ])
    expect(outcomes).toEqual(['created', 'duplicate', 'created'])
    expect(await store.getSlot(slot.id)).toMatchObject({ booked: true })
    expect(await store.getSlot(second.id)).toMatchObject({ booked: false })
    expect(await store.findByLookup('lookup-c')).not.toBeNull()
    expect(await store.createRequest(request('d', second.id, '2031-01-01T00:00:00Z'))).toBe('created')
    driver.close()
  })
})
