import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { READ_CACHE_TTL_MS } from '../../src/server/abuse/read-cache'
import { certifiedStaffKey } from '../helpers/test-deployment'
import { postJson } from './contract/target'
import { makeBooking, testWindows } from './helpers/make-request'
import { startNodeApp } from './helpers/node-app'

// The outbox sends a request again when its answer never arrived (the server was killed after the
// commit, the connection died). Whatever changed in between, the resend must get the first 201:
// anything else makes the device drop or bounce a request the window already holds, and the person
// books a second time. (tests/reliability/outbox-sigkill.ts drives this through Chromium.)
describe('送信箱の再送: 201 が届かなかった相談を送り直す', () => {
  let node: Awaited<ReturnType<typeof startNodeApp>>
  // Later, as the device resends: past the public reads' cache, which a key added by another process misses.
  let later = 0
  beforeAll(async () => {
    node = await startNodeApp({ now: () => new Date(Date.now() + later) })
  })
  afterAll(() => node.close())

  it('そのあいだに窓口の鍵が変わっても（職員の鍵が 1 本ふえた）、最初と同じ 201。新しい相談は 409 recipientsChanged', async () => {
    const first = await makeBooking({ windowId: 'bunkyo', mode: 'letter' })
    const answered = await postJson(node.target, '/api/requests', first.body)
    expect(answered.status).toBe(201)
    const answer = await answered.text()

    const { test } = await testWindows()
    await node.store.addWindowKey((await certifiedStaffKey(test.keys.get('bunkyo')!.certification, 'bunkyo')).key)
    later = READ_CACHE_TTL_MS + 1000

    const resent = await postJson(node.target, '/api/requests', first.body)
    expect([resent.status, await resent.text()]).toEqual([201, answer])
    const fresh = await postJson(node.target, '/api/requests', (await makeBooking({ windowId: 'bunkyo', mode: 'letter' })).body)
    expect([fresh.status, await fresh.json()]).toEqual([409, { error: 'errors.recipientsChanged' }])
  })
})
