import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FOLLOW_UPS_PER_REQUEST, THREAD_PAGE } from '../../src/server/abuse/growth-caps'
import { MESSAGE_MAX } from '../../src/shared/limits'
import { postJson } from './contract/target'
import { makeBooking, sealTestEnvelope } from './helpers/make-request'
import { startNodeApp } from './helpers/node-app'

let clock = Date.parse('2026-12-07T01:00:00Z')
let node: Awaited<ReturnType<typeof startNodeApp>>
beforeAll(async () => {
  node = await startNodeApp({ now: () => new Date(clock) })
})
afterAll(() => node.close())

const longText = 'ひきこもりの相談です。'.repeat(Math.ceil(MESSAGE_MAX / 11)).slice(0, MESSAGE_MAX)

describe('追って送るメッセージの上限と、長いやりとりの照会', () => {
  it('1 件の相談に 1 日 5 通（429）、全部で 30 通（413）まで。照会の答えは新しい 20 通と、のこりの数', async () => {
    const booking = await makeBooking()
    expect((await postJson(node.target, '/api/requests', booking.body)).status).toBe(201)
    const send = async () => {
      const messageId = crypto.randomUUID()
      const envelope = await sealTestEnvelope(booking.requestId, 'toshima', { message: longText }, messageId)
      return postJson(node.target, '/api/requests/messages', { ...booking.credentials, messageId, envelope })
    }
    const statuses: number[] = []
    for (let day = 0; day < 7; day++) {
      for (let i = 0; i < 6; i++) statuses.push((await send()).status)
      clock += 86_400_000
    }
    expect(statuses.slice(0, 6)).toEqual([201, 201, 201, 201, 201, 429])
    expect(statuses.filter((s) => s === 201)).toHaveLength(FOLLOW_UPS_PER_REQUEST)
    const refused = await send()
    expect([refused.status, await refused.json()]).toEqual([413, { error: 'errors.threadFull' }])

    // Staff replies make the thread longer than one page.
    const [first] = (await node.driver.all({ sql: 'SELECT envelope FROM messages LIMIT 1', args: [] })) as Array<{ envelope: string }>
    for (let i = 0; i < 25; i++) {
      await node.store.addMessage(booking.requestId, { id: crypto.randomUUID(), from: 'staff', sentAt: new Date(clock + i).toISOString(), envelope: first!.envelope }, new Date(clock).toISOString(), new Date(clock + 1e10).toISOString())
    }
    const lookup = await postJson(node.target, '/api/requests/lookup', booking.credentials)
    const text = await lookup.text()
    const view = JSON.parse(text) as { messages: unknown[]; earlierMessages?: number }
    expect(view.messages).toHaveLength(THREAD_PAGE)
    expect(view.earlierMessages).toBe(55 - THREAD_PAGE)
    console.log(`[figure] lookup answer with a full page of ${THREAD_PAGE} messages of ${MESSAGE_MAX} characters: ${(text.length / 1024).toFixed(0)} KiB`)
  })
})
