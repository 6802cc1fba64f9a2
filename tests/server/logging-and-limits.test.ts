import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startNodeServer, type RunningServer } from '../../src/server/node'
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
  server = await startNodeServer({
    PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-dist'), RATE_LIMIT_PER_MINUTE: LIMIT, SLOT_WEEKS: 1,
  })
  target = { fetch: (path, init) => fetch(`${server.url}${path}`, init) }
})
afterAll(async () => {
  vi.restoreAllMocks()
  await server.close()
  rmSync(dataDir, { recursive: true, force: true })
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
