import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startNodeApp } from './helpers/node-app'

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
