import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '../../src/server/store/sql-driver'
import { postJson } from './contract/target'
import { makeBooking } from './helpers/make-request'
import { startNodeApp } from './helpers/node-app'

let node: Awaited<ReturnType<typeof startNodeApp>>
beforeAll(async () => {
  node = await startNodeApp()
})
afterAll(() => node.close())

describe('つなぐ: 読んだあとに相談が変わったら、何も動かさない', () => {
  it('読んだ時刻のあとにメッセージが増えた相談は、つなぎ先へ移らず、封筒もそのまま（制約で全体が取り消される）', async () => {
    const booking = await makeBooking({ windowId: 'toshima' })
    expect((await postJson(node.target, '/api/requests', booking.body)).status).toBe(201)
    const read = await node.store.cases.get('toshima', booking.requestId)
    const stored = await node.store.handover.envelopes(booking.requestId)
    // A follow-up arrives between the staff browser's read and the hand-over.
    await node.driver.run(sql('UPDATE requests SET updated_at = ? WHERE request_id = ?', new Date(Date.now() + 1000).toISOString(), booking.requestId))
    const changes = stored.map((s) => ({ stored: s, next: JSON.stringify({ ...JSON.parse(s.envelope), recipients: [] }) }))
    await expect(
      node.store.handover.handOver({ requestId: booking.requestId, fromWindowId: 'toshima', toWindowId: 'bunkyo', updatedAt: read!.updatedAt, at: new Date().toISOString(), memberId: 'm', changes }),
    ).rejects.toThrow(/constraint/i)
    const after = await node.store.cases.get('toshima', booking.requestId)
    expect(after?.envelope).toBe(read?.envelope)
    expect(await node.driver.all(sql('SELECT * FROM case_handovers WHERE request_id = ?', booking.requestId))).toEqual([])
  })
})
