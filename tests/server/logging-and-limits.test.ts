import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../src/server/app'
import { memoryRateLimiter } from '../../src/server/http/rate-limit'
import { loadDeployment, type RunningServer } from '../../src/server/node'
import { startTestNodeServer } from './helpers/node-server'
import { postJson, type ApiTarget } from './contract/target'
import { makeBooking } from './helpers/make-request'

const LIMIT = 8
let server: RunningServer
let dataDir: string
let target: ApiTarget
const logged: string[] = []

beforeAll(async () => {
  const capture = (...args: unknown[]) => {
    logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '))
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation(capture)
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream)
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logged.push(String(chunk))
      return write(chunk, ...(rest as []))
    })
  }
  dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-logs-'))
  server = await startTestNodeServer({
    PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-dist'), RATE_LIMIT_PER_MINUTE: LIMIT, SLOT_WEEKS: 1,
  })
  target = { fetch: (path, init) => fetch(`${server.url}${path}`, init) }
})
afterAll(async () => {
  vi.restoreAllMocks()
  await server.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('流量制限の数え方', () => {
  it('1 リクエストを 1 回と数え、相手ごと・1 分ごとに別に数える', async () => {
    let now = Date.parse('2026-11-24T10:00:30Z')
    const app = createApp({
      deployment: loadDeployment(),
      getStore: () => {
        throw new Error('not reached for these bodies')
      },
      rateLimiter: memoryRateLimiter({ limit: 3, windowMs: 60_000, clientAddress: (c) => c.req.header('x-test-client'), now: () => now }),
    })
    const post = async (name: 'a' | 'b', client = name === 'a' ? '192.0.2.1' : '192.0.2.2') =>
      (await app.request('/api/requests/lookup', { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-client': client }, body: '{}' })).status
    expect([await post('a'), await post('a'), await post('a'), await post('a')]).toEqual([400, 400, 400, 429])
    expect(await post('b')).toBe(400)
    expect((await app.request('/api/health')).status).toBe(200)
    now += 60_000
    expect(await post('a')).toBe(400)
  })
})

describe('Node サーバー: ログと流量制限', () => {
  it('受付・照会・エラーを通しても、本文・受付の鍵・IP はどこにも書き出されない', async () => {
    const booking = await makeBooking({ nickname: 'ログに出ない名前' })
    const sent = [
      await postJson(target, '/api/requests', booking.body),
      await postJson(target, '/api/requests/lookup', booking.credentials),
      await postJson(target, '/api/requests/lookup', { ...booking.credentials, authKey: 'A'.repeat(43) }),
      await postJson(target, '/api/requests', '{"broken": '),
      await postJson(target, '/api/requests', { ...booking.body, requestId: 'not-a-uuid' }),
    ]
    expect(sent.map((r) => r.status)).toEqual([201, 200, 404, 400, 400])
    const output = logged.join('\n')
    for (const secret of [booking.credentials.lookupId, booking.credentials.authKey, booking.body.authHash, booking.body.envelope.ciphertext, booking.requestId, '127.0.0.1', 'broken']) {
      expect(output).not.toContain(secret)
    }
  })

  it('長さを書かずに（chunked で）送られた本文も 64 KiB を超えれば 413、小さければ普通に読む', async () => {
    const chunked = (text: string) =>
      fetch(`${server.url}/api/requests/lookup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < text.length; i += 8_192) controller.enqueue(new TextEncoder().encode(text.slice(i, i + 8_192)))
            controller.close()
          },
        }),
        duplex: 'half',
      } as RequestInit)
    const huge = await chunked(JSON.stringify({ lookupId: 'x'.repeat(70_000) }))
    expect([huge.status, await huge.json()]).toEqual([413, { error: 'errors.tooLarge' }])
    const small = await chunked(JSON.stringify({ lookupId: 'A'.repeat(43), authKey: 'A'.repeat(43) }))
    expect([small.status, await small.json()]).toEqual([404, { error: 'errors.receiptNotFound' }])
  })

  it(`同じ相手からの匿名 POST は 1 分に ${LIMIT} 件まで、超えると 429 と Retry-After`, async () => {
    const statuses: number[] = []
    let last: Response | undefined
    // Twice the limit and more, so even a minute boundary in the middle leaves one window over it.
    for (let i = 0; i < 2 * LIMIT + 2; i++) {
      const response = await postJson(target, '/api/metrics', { campaign: 'qr-limit', event: 'scan' })
      statuses.push(response.status)
      if (response.status === 429) last = response
      else await response.body?.cancel()
    }
    expect(statuses).toContain(429)
    expect(statuses.every((s) => s === 204 || s === 429)).toBe(true)
    expect(await last?.json()).toEqual({ error: 'errors.tooManyRequests' })
    expect(last?.headers.get('retry-after')).toBe('60')
    // Reading is never limited.
    expect((await target.fetch('/api/config')).status).toBe(200)
  })
})
