import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startNodeServer } from '../../src/server/node'
import { postJson } from './contract/target'
import { makeBooking, sealTestEnvelope } from './helpers/make-request'
import { startNodeApp } from './helpers/node-app'

const DAY_MS = 86_400_000
const t0 = new Date('2026-03-02T00:30:00.000Z')
const at = (days: number) => new Date(t0.getTime() + days * DAY_MS)

describe('保存期間: /status に出る削除日は、相談の状態で決まる', () => {
  let clock = t0
  let node: Awaited<ReturnType<typeof startNodeApp>>
  beforeAll(async () => {
    node = await startNodeApp({ now: () => clock })
  })
  afterAll(() => node.close())

  const deleteAfter = async (credentials: unknown) => ((await (await postJson(node.target, '/api/requests/lookup', credentials)).json()) as { deleteAfter: string }).deleteAfter

  it('待っている相談は最後のやりとりから180日、終了は終えた日から365日、取り消しは30日', async () => {
    clock = t0
    const booking = await makeBooking()
    expect((await postJson(node.target, '/api/requests', booking.body)).status).toBe(201)
    expect(await deleteAfter(booking.credentials)).toBe(at(180).toISOString())

    clock = at(10)
    const messageId = crypto.randomUUID()
    const envelope = await sealTestEnvelope(booking.requestId, 'toshima', { v: 1, text: 'x', writtenAt: clock.toISOString() }, messageId)
    expect((await postJson(node.target, '/api/requests/messages', { ...booking.credentials, messageId, envelope })).status).toBe(201)
    expect(await deleteAfter(booking.credentials)).toBe(at(190).toISOString())

    await node.store.cases.setStatus(booking.requestId, 'closed', at(20).toISOString())
    expect(await deleteAfter(booking.credentials)).toBe(at(20 + 365).toISOString())
    // A note written after closing does not move the date: it counts from the close.
    await node.store.cases.addStaffMessage(booking.requestId, { id: crypto.randomUUID(), kind: 'note', sentAt: at(40).toISOString(), authorId: null, envelope: '{}' })
    expect(await deleteAfter(booking.credentials)).toBe(at(20 + 365).toISOString())

    clock = at(5)
    const cancelled = await makeBooking()
    expect((await postJson(node.target, '/api/requests', cancelled.body)).status).toBe(201)
    const answer = (await (await postJson(node.target, '/api/requests/cancel', cancelled.credentials)).json()) as { deleteAfter: string }
    expect(answer.deleteAfter).toBe(at(35).toISOString())
    expect(await deleteAfter(cancelled.credentials)).toBe(at(35).toISOString())
  })

  it('deployment.json の retention で日数を変えられる', async () => {
    const custom = await startNodeApp({ now: () => t0, deployment: { ...node.deployment, retention: { closedDays: 730, cancelledDays: 7, waitingDays: 90, staleDays: 14 } } })
    try {
      const booking = await makeBooking()
      const created = (await (await postJson(custom.target, '/api/requests', booking.body)).json()) as { deleteAfter: string }
      expect(created.deleteAfter).toBe(at(90).toISOString())
      const cancelled = (await (await postJson(custom.target, '/api/requests/cancel', booking.credentials)).json()) as { deleteAfter: string }
      expect(cancelled.deleteAfter).toBe(at(7).toISOString())
    } finally {
      custom.close()
    }
  })
})

describe('保存期間: Node の定期処理', () => {
  const root = mkdtempSync(join(tmpdir(), 'tsunagu-retention-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('起動時と、そのあと一定の間隔で、期限の来た相談を消す', async () => {
    const server = await startNodeServer(
      { PORT: 0, HOST: '127.0.0.1', DATA_DIR: join(root, 'data'), DIST_DIR: join(root, 'no-dist'), SLOT_WEEKS: 0, CREDENTIAL_SECRET: 'retention-test-secret-0123456789abcdefghij' },
      { upkeepEveryMs: 100 },
    )
    try {
      const old = new Date(Date.now() - 200 * DAY_MS).toISOString()
      const row = { windowId: 'toshima', mode: 'phone' as const, slotId: null, authHash: 'h', envelope: '{}', bodyHash: 'b', firstResponse: '{}', createdAt: old, deleteAfter: old }
      expect(await server.store.createRequest({ ...row, requestId: crypto.randomUUID(), lookupId: 'old-one' })).toBe('created')
      expect(await server.store.createRequest({ ...row, requestId: crypto.randomUUID(), lookupId: 'fresh-one', createdAt: new Date().toISOString() })).toBe('created')
      await expect.poll(() => server.store.findByLookup('old-one'), { timeout: 5000 }).toBeNull()
      expect(await server.store.findByLookup('fresh-one')).not.toBeNull()
    } finally {
      await server.close()
    }
  })
})
