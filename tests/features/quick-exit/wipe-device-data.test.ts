import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { wipeDeviceData } from '@/features/quick-exit/wipe-device-data'
import { WIPE_PLAN } from '@/features/quick-exit/wipe-plan'
import { STAFF_DB_NAME } from '@/features/staff/keys/staff-key-db'
import { DRAFTS_DB_NAME, getDraftsDb, getOutboxDb, OUTBOX_DB_NAME, type OutboxEntry } from '@/lib/db'

const names = async () => (await indexedDB.databases()).map((d) => d.name).sort()

function entry(id: string, state: OutboxEntry['state'], body: OutboxEntry['body']): OutboxEntry {
  return { id, lookupId: `lookup-${id}`, windowId: 'toshima', state, createdAt: '2026-12-01T10:00:00+09:00', attempts: 1, body, result: null, alternatives: [] }
}
const BODY = { requestId: 'r', windowId: 'toshima' } as unknown as OutboxEntry['body']

async function rawRecords(name: string, store: string): Promise<Array<{ id: string }>> {
  const db = new Dexie(name)
  await db.open()
  const rows = (await db.table(store).toArray()) as Array<{ id: string }>
  db.close()
  return rows
}

async function fill(): Promise<void> {
  await getOutboxDb().envelopes.bulkPut([entry('waiting', 'pending', BODY), entry('taken', 'slotTaken', BODY), entry('sent', 'delivered', null)])
  await getDraftsDb().drafts.put({ id: 'current', savedAt: '', answers: { nickname: 'みかん' } })
  const staff = new Dexie('tsunagu-staff')
  staff.version(1).stores({ keys: 'id' })
  await staff.table('keys').put({ id: 'staff-key' })
  staff.close()
}

const proto = Object.getPrototypeOf(indexedDB) as { databases?: IDBFactory['databases'] }
const databases = proto.databases
afterEach(async () => {
  proto.databases = databases
  for (const name of await names()) if (name) await Dexie.delete(name)
})

describe('すぐに閉じる: 端末のデータベース', () => {
  it('残す職員の鍵のデータベースは、職員の画面が使う名前と同じ', () => {
    expect(WIPE_PLAN.keep).toContain(STAFF_DB_NAME)
  })

  it('下書きを消し、送信待ちの箱には届いていない暗号文だけを残し、職員の鍵は消さない', async () => {
    await fill()
    await wipeDeviceData(WIPE_PLAN)
    expect(await names()).toEqual([OUTBOX_DB_NAME, 'tsunagu-staff'].sort())
    expect((await rawRecords(OUTBOX_DB_NAME, 'envelopes')).map((r) => r.id).sort()).toEqual(['taken', 'waiting'])
    expect(await rawRecords('tsunagu-staff', 'keys')).toEqual([{ id: 'staff-key' }])
  })

  it('indexedDB.databases() がないブラウザ（Firefox 126 より前）でも、下書きを名前で消す', async () => {
    await fill()
    delete proto.databases
    expect(typeof indexedDB.databases).toBe('undefined')
    await wipeDeviceData(WIPE_PLAN)
    proto.databases = databases
    expect(await names()).not.toContain(DRAFTS_DB_NAME)
    expect(await names()).toContain('tsunagu-staff')
    expect((await rawRecords(OUTBOX_DB_NAME, 'envelopes')).map((r) => r.id).sort()).toEqual(['taken', 'waiting'])
  })

  it('届いたものしかない送信待ちの箱は、箱ごと消える。なかった箱は作らない', async () => {
    await getOutboxDb().envelopes.put(entry('sent', 'delivered', null))
    await wipeDeviceData(WIPE_PLAN)
    expect(await names()).not.toContain(OUTBOX_DB_NAME)
    getOutboxDb().close()
    await wipeDeviceData(WIPE_PLAN)
    expect(await names()).not.toContain(OUTBOX_DB_NAME)
  })
})
