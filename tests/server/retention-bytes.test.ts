import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runRetention } from '../../src/server/retention/run-retention'
import { DATABASE_FILE } from '../../src/server/store/libsql-driver'
import { retentionOf } from '../../src/shared/schemas/retention'
import { postJson } from './contract/target'
import { makeBooking, sealTestEnvelope } from './helpers/make-request'
import { startNodeApp } from './helpers/node-app'

const DAY_MS = 86_400_000
const t0 = new Date('2026-01-05T01:00:00.000Z')
let clock = t0
const at = (days: number) => new Date(t0.getTime() + days * DAY_MS)

let node: Awaited<ReturnType<typeof startNodeApp>>
type Booking = Awaited<ReturnType<typeof makeBooking>>
const cases: Record<'closed' | 'cancelled' | 'waiting' | 'kept', Booking> = {} as never
/** The ciphertexts each case put into the database: the request, a follow-up, a contact-log entry. */
const ciphertexts: Record<string, string[]> = {}

const fileBytes = () =>
  [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((name) => join(node.dataDir, name)).filter(existsSync).map((path) => ({ path, bytes: readFileSync(path) }))
const hits = (needle: string) => fileBytes().filter(({ bytes }) => bytes.includes(Buffer.from(needle))).map(({ path }) => path)

beforeAll(async () => {
  node = await startNodeApp({ now: () => clock })
  for (const name of ['closed', 'cancelled', 'waiting', 'kept'] as const) {
    const booking = await makeBooking({ nickname: name })
    cases[name] = booking
    expect((await postJson(node.target, '/api/requests', booking.body)).status).toBe(201)
    const messageId = crypto.randomUUID()
    const followUp = await sealTestEnvelope(booking.requestId, 'toshima', { v: 1, text: 'x', writtenAt: t0.toISOString() }, messageId)
    expect((await postJson(node.target, '/api/requests/messages', { ...booking.credentials, messageId, envelope: followUp })).status).toBe(201)
    const contact = await sealTestEnvelope(booking.requestId, 'toshima', { v: 1 }, crypto.randomUUID())
    await node.store.cases.addContact(booking.requestId, { id: crypto.randomUUID(), sentAt: t0.toISOString(), authorId: null, envelope: JSON.stringify(contact) })
    ciphertexts[name] = [booking.body.envelope.ciphertext, followUp.ciphertext, contact.ciphertext]
  }
  clock = at(1)
  await node.store.cases.setStatus(cases.closed.requestId, 'closed', clock.toISOString())
  expect((await postJson(node.target, '/api/requests/cancel', cases.cancelled.credentials)).status).toBe(200)
  clock = at(300)
  const messageId = crypto.randomUUID()
  const late = await sealTestEnvelope(cases.kept.requestId, 'toshima', { v: 1, text: 'y', writtenAt: clock.toISOString() }, messageId)
  expect((await postJson(node.target, '/api/requests/messages', { ...cases.kept.credentials, messageId, envelope: late })).status).toBe(201)
})
afterAll(() => node.close())

describe('保存期間: 消した相談は、ファイルにも WAL にも暗号文が残らない', () => {
  it('対照: 消す前は、どの暗号文もファイルか WAL の中に見つかる', () => {
    for (const list of Object.values(ciphertexts)) for (const ciphertext of list) expect(hits(ciphertext).length).toBeGreaterThan(0)
  })

  it('終了から365日・取り消しから30日・連絡のないまま180日で消え、バイト列を探しても 0 件。最近動きのあった相談は残る', async () => {
    clock = at(367)
    const removed = await runRetention(node.store, retentionOf(node.deployment.retention), clock, () => node.driver.checkpoint())
    expect(removed).toBe(3)
    for (const name of ['closed', 'cancelled', 'waiting'] as const) {
      for (const ciphertext of ciphertexts[name]!) expect(hits(ciphertext), name).toEqual([])
      expect((await postJson(node.target, '/api/requests/lookup', cases[name].credentials)).status).toBe(404)
    }
    for (const ciphertext of ciphertexts.kept!) expect(hits(ciphertext).length).toBeGreaterThan(0)
    expect((await postJson(node.target, '/api/requests/lookup', cases.kept.credentials)).status).toBe(200)
    expect(readFileSync(join(node.dataDir, `${DATABASE_FILE}-wal`)).length).toBe(0)
  })

  it('消したことは監査ログに残る（相談の id と規則だけ、中身はない）', async () => {
    const rows = await node.driver.all({ sql: "SELECT member_id, action, request_id, target FROM audit_log WHERE action = 'case.deleted' ORDER BY target", args: [] })
    expect(rows).toEqual([
      { member_id: null, action: 'case.deleted', request_id: cases.cancelled.requestId, target: 'cancelled' },
      { member_id: null, action: 'case.deleted', request_id: cases.closed.requestId, target: 'closed' },
      { member_id: null, action: 'case.deleted', request_id: cases.waiting.requestId, target: 'received' },
    ])
  })
})
