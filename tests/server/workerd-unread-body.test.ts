import { Agent, request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWorkerd, WORKERD_START_MS } from './helpers/workerd'

let workerd: Awaited<ReturnType<typeof startWorkerd>>
beforeAll(async () => {
  // Straight to workerd: wrangler's dev proxy in front would read the whole body itself.
  workerd = await startWorkerd({ direct: true, rateLimitPerMinute: 1_000_000_000 })
}, WORKERD_START_MS)
afterAll(async () => workerd?.close(), 30_000)

const agent = new Agent({ keepAlive: true, maxSockets: 4 })

/** node:http, as a client sends it: the body with Content-Length, or chunked; a reset is an error. */
function post(path: string, body: string, headers: Record<string, string>, chunked = false): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(workerd.origin)
  return new Promise((done, fail) => {
    const req = request({ host: hostname, port, path, method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }))
      res.on('error', fail)
    })
    req.on('error', fail)
    if (chunked) req.setHeader('transfer-encoding', 'chunked')
    else req.setHeader('content-length', Buffer.byteLength(body))
    req.end(body)
  })
}

describe('workerd: 本文を読まずに断るときも、断りの答え（4xx とキー）が届く', () => {
  it('本文を読む前に断る 415・401 と、途中で読むのをやめる 413（chunked）が、接続の切断ではなく答えになる', async () => {
    const answers = (
      await Promise.all(
        Array.from({ length: 8 }, async () => [
          await post('/api/metrics', 'x'.repeat(20_000), { 'content-type': 'text/plain' }),
          await post('/api/staff/windows/toshima/invites', JSON.stringify({ pad: 'x'.repeat(20_000) }), { 'content-type': 'application/json', origin: workerd.origin }),
          await post('/api/requests/lookup', `{"token":"${'x'.repeat(200_000)}"}`, { 'content-type': 'application/json' }, true),
        ]),
      )
    ).flat()
    expect(answers.map((a) => `${a.status} ${a.text}`)).toEqual(
      Array.from({ length: 8 }, () => ['415 {"error":"errors.unsupportedMediaType"}', '401 {"error":"errors.signInRequired"}', '413 {"error":"errors.tooLarge"}']).flat(),
    )
  })
})
