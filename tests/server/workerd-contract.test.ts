import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineAbuseContract } from './contract/abuse-contract'
import { defineApiContract } from './contract/api-contract'
import { postJson } from './contract/target'
import { endpoints, expectErrorAnswer, hostileValue } from './helpers/hostile'
import { makeBooking, sealTestEnvelope } from './helpers/make-request'
import { startWorkerd, WORKERD_START_MS } from './helpers/workerd'

let workerd: Awaited<ReturnType<typeof startWorkerd>>
beforeAll(async () => {
  // Every request of the suite comes from one address: lift the per-client limit (tested below as configured).
  workerd = await startWorkerd({ rateLimitPerMinute: 100_000 })
}, WORKERD_START_MS)
afterAll(async () => workerd?.close(), 30_000)

defineApiContract(() => workerd.target)
defineAbuseContract(() => workerd.target)

describe('workerd: 静的ファイル', () => {
  it('アプリの画面も同じセキュリティヘッダーで配られ、知らない画面の URL にはアプリの HTML が返る', async () => {
    const response = await workerd.target.fetch('/book?window=toshima')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>つなぐ</title>')
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('set-cookie')).toBeNull()
  })
})

describe('workerd: 悪意のある入力', { timeout: 60_000 }, () => {
  it('どの POST も、フィールドを壊した本文には 4xx とエラーキーで答え、保存済みの相談は変わらない', async () => {
    const booked = await makeBooking()
    await postJson(workerd.target, '/api/requests', booked.body)
    const view = async () => (await postJson(workerd.target, '/api/requests/lookup', booked.credentials)).text()
    const before = await view()
    const valid: Record<string, Record<string, unknown>> = {
      '/api/requests': (await makeBooking()).body,
      '/api/requests/lookup': { ...booked.credentials },
      '/api/requests/cancel': { ...booked.credentials },
      '/api/requests/messages': { ...booked.credentials, messageId: crypto.randomUUID(), envelope: booked.body.envelope },
      '/api/metrics': { campaign: 'qr-1', event: 'scan' },
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), fc.nat(), hostileValue, async (path, pick, value) => {
        const body = structuredClone(valid[path] as Record<string, unknown>)
        const keys = Object.keys(body)
        const key = keys[pick % keys.length] as string
        fc.pre(!(key === 'slotId' && value === null))
        body[key] = value
        const response = await postJson(workerd.target, path, body)
        expectErrorAnswer(response.status, await response.json())
      }),
      { numRuns: 60 },
    )
    expect(await view()).toBe(before)
  })
})

describe('workerd: D1 のファイルに平文が残らない', () => {
  it('目印入りの相談と追伸を送っても、ローカル D1 の SQLite ファイル群に目印は UTF-8 でも UTF-16 でも出てこない', async () => {
    const marker = 'TSUNAGU-ひみつ-D1-5309'
    const booking = await makeBooking({ nickname: marker, message: `${marker} ${marker}` })
    expect((await postJson(workerd.target, '/api/requests', booking.body)).status).toBe(201)
    const messageId = crypto.randomUUID()
    const envelope = await sealTestEnvelope(booking.requestId, 'toshima', { message: marker }, messageId)
    expect((await postJson(workerd.target, '/api/requests/messages', { ...booking.credentials, messageId, envelope })).status).toBe(201)
    const files = (readdirSync(workerd.persist, { recursive: true }) as string[])
      .map((name) => join(workerd.persist, name))
      .filter((path) => /\.sqlite(-wal)?$/.test(path))
    const bytes = Buffer.concat(files.map((path) => readFileSync(path)))
    // Control: the request id is stored in clear; the lookup id only under the keyed hash.
    expect(bytes.includes(Buffer.from(booking.requestId))).toBe(true)
    expect(bytes.includes(Buffer.from(booking.credentials.lookupId))).toBe(false)
    for (const needle of [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le'), Buffer.from(marker, 'utf16le').swap16()]) {
      expect(bytes.includes(needle)).toBe(false)
    }
  })
})
