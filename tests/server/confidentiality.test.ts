import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../src/server/store/libsql-driver'
import { openSlots, postJson } from './contract/target'
import { openEnvelope } from '../../src/shared/crypto/envelope'
import type { Envelope } from '../../src/shared/schemas/envelope'
import { makeBooking, sealTestEnvelope, testStaffKeyPair } from './helpers/make-request'
import { startNodeApp } from './helpers/node-app'

const MARKER = 'TSUNAGU-ひみつ-MARKER-4711'
const encodings = {
  'UTF-8': Buffer.from(MARKER, 'utf8'),
  'UTF-16LE': Buffer.from(MARKER, 'utf16le'),
  'UTF-16BE': Buffer.from(MARKER, 'utf16le').swap16(),
}

let node: Awaited<ReturnType<typeof startNodeApp>>
let stored: Awaited<ReturnType<typeof makeBooking>>[]

beforeAll(async () => {
  node = await startNodeApp()
  const [slot] = await openSlots(node.target, 'toshima', 'visit')
  stored = [
    await makeBooking({ nickname: MARKER, message: `${MARKER} 家から出られません ${MARKER}`, slotId: slot?.id, mode: 'visit' }),
    await makeBooking({ nickname: `ニック${MARKER}`, message: MARKER.repeat(20), mode: 'letter' }),
  ]
  for (const booking of stored) {
    expect((await postJson(node.target, '/api/requests', booking.body)).status).toBe(201)
    const messageId = crypto.randomUUID()
    const envelope = await sealTestEnvelope(booking.requestId, 'toshima', { message: `追伸 ${MARKER}` }, messageId)
    expect((await postJson(node.target, '/api/requests/messages', { ...booking.credentials, messageId, envelope })).status).toBe(201)
  }
})
afterAll(() => node.close())

describe('機密性: データベースのファイルに平文が残らない', () => {
  it('SQLite ファイルと WAL に、ニックネームとメッセージの目印が UTF-8 でも UTF-16 でも出てこない', () => {
    const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((name) => join(node.dataDir, name)).filter((path) => existsSync(path))
    expect(files.some((path) => path.endsWith('-wal'))).toBe(true)
    const bytes = Buffer.concat(files.map((path) => readFileSync(path)))
    // Control: what is stored in clear (the request id) is found, so the search itself works.
    expect(bytes.includes(Buffer.from(stored[0]?.requestId ?? '-'))).toBe(true)
    for (const [name, needle] of Object.entries(encodings)) {
      expect(bytes.includes(needle), name).toBe(false)
    }
  })

  it('対照: 保存された封筒を職員の鍵で開くと、目印はちゃんと中にある（暗号化されていただけ）', async () => {
    const rows = await node.driver.all({ sql: 'SELECT envelope FROM requests WHERE request_id = ?', args: [stored[0]?.requestId ?? ''] })
    const requestId = stored[0]?.requestId ?? ''
    const binding = { requestId, windowId: 'toshima', kind: 'request' as const, messageId: requestId }
    const payload = await openEnvelope(JSON.parse(String(rows[0]?.envelope)) as Envelope, await testStaffKeyPair(), binding)
    expect(payload).toMatchObject({ nickname: MARKER })
  })

  it('認証鍵も、送られた照会 ID と認証ハッシュも保存されず、秘密の鍵付きハッシュ（HMAC）だけが残る', () => {
    const bytes = Buffer.concat(
      [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((n) => join(node.dataDir, n)).filter((p) => existsSync(p)).map((p) => readFileSync(p)),
    )
    for (const booking of stored) {
      expect(bytes.includes(Buffer.from(booking.credentials.authKey))).toBe(false)
      expect(bytes.includes(Buffer.from(booking.body.authHash))).toBe(false)
      expect(bytes.includes(Buffer.from(booking.credentials.lookupId))).toBe(false)
    }
  })
})
