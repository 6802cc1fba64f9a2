import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { makeBooking } from './helpers/make-request'
import { startNodeApp } from './helpers/node-app'
import { snapshotTables } from './helpers/snapshot'
import { openSlots, postJson, solvedProof } from './contract/target'
import { endpoints, expectErrorAnswer, hostileString, hostileValue } from './helpers/hostile'

let node: Awaited<ReturnType<typeof startNodeApp>>
let valid: Record<string, Record<string, unknown>>
let before: Record<string, unknown[]>

beforeAll(async () => {
  node = await startNodeApp()
  const [slot] = await openSlots(node.target, 'toshima', 'phone')
  const booked = await makeBooking({ slotId: slot?.id })
  await postJson(node.target, '/api/requests', booked.body)
  await postJson(node.target, '/api/requests/messages', { ...booked.credentials, messageId: crypto.randomUUID(), envelope: booked.body.envelope })
  await postJson(node.target, '/api/metrics', { campaign: 'qr-1', event: 'scan' })
  // Bodies that would be accepted as they are: the fuzzers break them, never send them whole.
  const fresh = await makeBooking()
  valid = {
    '/api/requests': fresh.body,
    '/api/requests/lookup': { ...booked.credentials },
    '/api/requests/cancel': { ...booked.credentials },
    '/api/requests/messages': { ...booked.credentials, messageId: crypto.randomUUID(), envelope: booked.body.envelope },
    '/api/metrics': { campaign: 'qr-1', event: 'scan' },
  }
  before = await snapshotTables(node.driver)
})
afterAll(() => node.close())
// Whatever a fuzzer sent, the rows stored before it are all still there, unchanged.
afterEach(async () => {
  expect(await snapshotTables(node.driver)).toEqual(before)
})

async function send(path: string, body: string | Uint8Array<ArrayBuffer>, contentType = 'application/json') {
  const response = await node.target.fetch(path, { method: 'POST', headers: { 'content-type': contentType }, body })
  expectErrorAnswer(response.status, await response.json())
}

describe('fuzzing: 壊れた・大きすぎる・悪意のある入力', { timeout: 60_000 }, () => {
  it('どの POST も、フィールドを壊した本文には 4xx とエラーキーで答える', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), fc.boolean(), fc.nat(), hostileValue, async (path, inEnvelope, pick, value) => {
        const body = structuredClone(valid[path] as Record<string, unknown>)
        const target = inEnvelope && body.envelope ? (body.envelope as Record<string, unknown>) : body
        const keys = Object.keys(target)
        const key = keys[pick % keys.length] as string
        fc.pre(!(key === 'slotId' && value === null))
        // Writing the value a field already has (e.g. v = 1) breaks nothing: that body is simply valid.
        fc.pre(JSON.stringify(target[key]) !== JSON.stringify(value))
        target[key] = value
        await send(path, JSON.stringify(body))
      }),
      { numRuns: 150 },
    )
  })

  it('壊れた JSON・任意のバイト列・任意の JSON 値・深い入れ子にも 4xx', async () => {
    const raw = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `{${s}`),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => new Uint8Array(bytes)),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.integer({ min: 10, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
      fc.integer({ min: 10, max: 5_000 }).map((n) => `{"lookupId":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`),
      fc.integer({ min: 65_537, max: 200_000 }).map((n) => `{"requestId":"${'x'.repeat(n)}"}`),
    )
    await fc.assert(fc.asyncProperty(fc.constantFrom(...endpoints), raw, async (path, body) => send(path, body)), { numRuns: 150 })
  })

  it('__proto__ や constructor に必須項目を隠しても通らず、プロトタイプも汚れない', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), fc.nat(), async (path, pick) => {
        const body = structuredClone(valid[path] as Record<string, unknown>)
        const keys = Object.keys(body)
        const hidden = keys[pick % keys.length] as string
        const value = body[hidden]
        delete body[hidden]
        const text = JSON.stringify(body).replace(/^\{/, `{"__proto__":${JSON.stringify({ [hidden]: value })},"constructor":{"prototype":{"${hidden}":1}},`)
        await send(path, text)
        expect(({} as Record<string, unknown>)[hidden]).toBeUndefined()
      }),
      { numRuns: 60 },
    )
  })

  it('JSON 以外の Content-Type は 415', async () => {
    const type = fc.oneof(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''), fc.string({ maxLength: 30 }).filter((t) => !/^application\/json/i.test(t.trim())))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), type, async (path, contentType) => {
        const response = await node.target.fetch(path, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body: JSON.stringify(valid[path]) })
        expectErrorAnswer(response.status, await response.json())
      }),
      { numRuns: 60 },
    )
  })

  it('どのルートにもない要求（ページへの POST、/q/ への DELETE など）にも、テキストではなく JSON のエラーキーで 404', async () => {
    const method = fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS')
    const path = fc.oneof(fc.constantFrom('/', '/who-can-consult', '/q/abc', '/tiles', '/assets/x.js'), fc.webPath().filter((p) => !p.startsWith('/api/')))
    await fc.assert(
      fc.asyncProperty(method, path, async (m, p) => {
        const response = await node.target.fetch(p || '/', { method: m })
        expect(response.headers.get('content-type')).toMatch(/^application\/json/)
        expectErrorAnswer(response.status, await response.json())
      }),
      { numRuns: 60 },
    )
  })

  it('空き枠の問い合わせ: 壊れた日付・方法・窓口 id には 4xx', async () => {
    const bad = fc.oneof(hostileString, fc.constantFrom('2026-13-01', '2026-02-30T10:00:00', 'NaN', '-1', '9999999999999'))
    const query = fc.record({ from: fc.option(bad), to: fc.option(bad), mode: fc.option(bad) }).filter((q) => q.from !== null || q.to !== null || q.mode !== null)
    await fc.assert(
      fc.asyncProperty(query, fc.option(fc.string({ unit: 'grapheme', maxLength: 50 })), async (q, windowId) => {
        const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== null) as Array<[string, string]>)
        const id = windowId === null ? 'toshima' : encodeURIComponent(`<${windowId}`)
        const response = await node.target.fetch(`/api/windows/${id}/slots?${params}`)
        expectErrorAnswer(response.status, await response.json())
      }),
      { numRuns: 150 },
    )
  })

  it('枠つきの予約の proof-of-work（チャレンジ・署名・解答）をどこで壊しても 4xx で、枠は取れない', async () => {
    const [, free] = await openSlots(node.target, 'toshima', 'phone')
    const booking = (await makeBooking({ slotId: free!.id })).body
    const proof = await solvedProof(node.target)
    const parts = (body: { proof: typeof proof }) => [body.proof, body.proof.challenge, body.proof.challenge.parameters, body.proof.solution] as Array<Record<string, unknown>>
    await fc.assert(
      fc.asyncProperty(fc.nat(3), fc.nat(), hostileValue, async (part, pick, value) => {
        const body = structuredClone({ ...booking, proof })
        const target = parts(body)[part]!
        const keys = Object.keys(target)
        const key = keys[pick % keys.length] as string
        // The derived key is the proof; the counter that found it is not checked again.
        fc.pre(!(key === 'counter' && Number.isInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 32))
        target[key] = value
        await send('/api/requests', JSON.stringify(body))
      }),
      { numRuns: 150 },
    )
    expect((await openSlots(node.target, 'toshima', 'phone')).map((s) => s.id)).toContain(free!.id)
  })
})
