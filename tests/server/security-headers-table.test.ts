import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { unstable_startWorker } from 'wrangler'
import { startNodeServer, type RunningServer } from '../../src/server/node'
import { startNodeApp } from './helpers/node-app'
import { startWorkerServingDist, writePrerenderedDist } from './helpers/prerendered-dist'
import { WORKERD_START_MS } from './helpers/workerd'

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8')
const section = readme.split('<!-- security-headers:start -->')[1]!.split('<!-- security-headers:end -->')[0]!
const table = Object.fromEntries(
  [...section.matchAll(/^\| `([^`]+)` \| `([^`]+)` \|$/gm)].map(([, name, value]) => [name!.toLowerCase(), value!]),
)

const routes: Array<[string, string, string?]> = [
  ['GET', '/api/health'], ['HEAD', '/api/health'], ['GET', '/api/config'], ['GET', '/api/windows/toshima/slots'],
  ['GET', '/api/windows/nowhere/slots'], ['GET', '/api/windows/toshima/slots?from=broken'],
  ['POST', '/api/requests', '{'], ['POST', '/api/requests', '{}'], ['POST', '/api/requests/lookup', '{}'],
  ['POST', '/api/requests/lookup', JSON.stringify({ lookupId: 'A'.repeat(43), authKey: 'A'.repeat(43) })],
  ['POST', '/api/requests/cancel', '[]'], ['POST', '/api/requests/messages', 'null'], ['POST', '/api/metrics', '{}'],
  ['PUT', '/api/requests'], ['DELETE', '/api/config'], ['PATCH', '/api/metrics'], ['OPTIONS', '/api/config'],
  ['GET', '/api/nothing-here'], ['GET', '/api/staff/session'], ['POST', '/api/staff/sign-out', '{}'], ['GET', '/q/unknown'],
]

let node: Awaited<ReturnType<typeof startNodeApp>>
beforeAll(async () => {
  node = await startNodeApp()
})
afterAll(() => node.close())

describe('README の表のとおりのセキュリティヘッダー', () => {
  it('表には 8 つのヘッダーがある', () => {
    expect(Object.keys(table)).toHaveLength(8)
    expect(table['strict-transport-security']).toBe('max-age=63072000; includeSubDomains')
  })

  it.each(routes)('%s %s: どの答え（2xx も 4xx も）も表の値そのもの', async (method, path, body) => {
    const response = await node.app.request(path, { method, headers: body ? { 'content-type': 'application/json' } : {}, body })
    expect(response.status).toBeLessThan(500)
    for (const [name, value] of Object.entries(table)) expect(response.headers.get(name), name).toBe(value)
    expect(response.headers.get('x-powered-by')).toBeNull()
  })
})

// Pages and files the server sends from the build: pre-rendered pages in each language, the app
// shell, hashed assets (compressed or not), a missing file and a Range nobody can satisfy.
const staticRequests: Array<[string, string, Record<string, string>?]> = [
  ['GET', '/', { 'accept-encoding': 'br' }], ['HEAD', '/'], ['GET', '/who-can-consult?src=flyer'], ['GET', '/en'],
  ['GET', '/en/who-can-consult', { 'accept-encoding': 'gzip' }], ['GET', '/easy/who-can-consult'], ['GET', '/book?window=toshima'],
  ['GET', '/easy/map'], ['GET', '/assets/app-abc123.js', { 'accept-encoding': 'br' }], ['GET', '/assets/app-abc123.js'],
  ['GET', '/manifest.webmanifest'], ['GET', '/assets/missing-abc123.js'], ['GET', '/', { range: 'bytes=999999-' }],
]

function expectTableHeaders(label: string, headers: Headers): void {
  for (const [name, value] of Object.entries(table)) expect(headers.get(name), `${label}: ${name}`).toBe(value)
  expect(headers.get('x-powered-by'), label).toBeNull()
}

describe('ビルドしたページとファイルにも、表のとおりのヘッダー', () => {
  let work: string
  let dist: string
  let server: RunningServer
  let worker: Awaited<ReturnType<typeof unstable_startWorker>>
  let workerUrl: URL
  beforeAll(async () => {
    ;({ work, dist } = writePrerenderedDist())
    server = await startNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: join(work, 'data'), DIST_DIR: dist })
    ;({ worker, url: workerUrl } = await startWorkerServingDist(dist, join(work, 'state')))
  }, WORKERD_START_MS)
  afterAll(async () => {
    await server?.close()
    await worker?.dispose()
    rmSync(work, { recursive: true, force: true })
  })

  it.each(staticRequests)('Node: %s %s', async (method, path, headers) => {
    const response = await fetch(`${server.url}${path}`, { method, headers })
    expect(response.status).toBeLessThan(500)
    expectTableHeaders(path, response.headers)
  })

  it.each(staticRequests)('Workers（workerd）: %s %s', async (method, path, headers) => {
    const response = await fetch(new URL(path, workerUrl), { method, headers, redirect: 'manual' })
    expect(response.status).toBeLessThan(500)
    expectTableHeaders(path, response.headers)
  })
})
