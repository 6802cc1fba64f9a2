// The memory limiter of the Node server keeps one entry per client address per day. The soak found
// its maps growing with every new address until Tokyo midnight (tests/reliability/RESULTS.md, Soak):
// they are bounded now, forgetting the oldest client first.
import type { Context } from 'hono'
import { describe, expect, it } from 'vitest'
import { nodeSha256 } from '../../src/server/node'
import { MAX_TRACKED_CLIENTS, memoryRateLimiter } from '../../src/server/http/rate-limit'

/** A request from `address`, as far as the limiter looks at it. */
const from = (address: string) => ({ address }) as unknown as Context
const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`

function limiter(maxClients?: number, limit = 2) {
  return memoryRateLimiter({
    limit,
    windowMs: 60_000,
    perDay: { request: 1 },
    clientAddress: (c) => (c as unknown as { address: string }).address,
    now: () => Date.parse('2026-12-04T03:00:00Z'),
    sha256: nodeSha256,
    ...(maxClients ? { maxClients } : {}),
  })
}

describe('Node の流量制限は、数える相手の数に上限がある', () => {
  it('1 日の上限に達した相手は、新しい相手が上限数を超えるまで断られ続ける', async () => {
    const request = limiter(3).daily!.request!
    await request.add(from('192.0.2.1'))
    expect(await request.reached(from('192.0.2.1'))).toBe(true)
    await request.add(from('192.0.2.2'))
    await request.add(from('192.0.2.3'))
    // Counting an address already held again makes no room and forgets nobody.
    await request.add(from('192.0.2.2'))
    expect(await request.reached(from('192.0.2.1'))).toBe(true)
    await request.add(from('192.0.2.4'))
    expect(await request.reached(from('192.0.2.1'))).toBe(false)
    for (const held of ['192.0.2.2', '192.0.2.3', '192.0.2.4']) expect(await request.reached(from(held))).toBe(true)
  })

  it('1 分の枠も同じ上限: 新しい相手が押し寄せても、最近の相手の数は残る', async () => {
    const limits = limiter(3, 1)
    expect(await limits.allow(from('192.0.2.9'), 'booking')).toBe(true)
    for (let n = 1; n <= 2; n++) await limits.allow(from(address(n)), 'booking')
    expect(await limits.allow(from('192.0.2.9'), 'booking')).toBe(false)
    for (let n = 3; n <= 5; n++) await limits.allow(from(address(n)), 'booking')
    expect(await limits.allow(from(address(5)), 'booking')).toBe(false)
    expect(await limits.allow(from('192.0.2.9'), 'booking')).toBe(true)
  })

  it(`既定の上限 ${MAX_TRACKED_CLIENTS} 件: それより新しい相手が来れば最初の相手は忘れられ、その後の相手は数えられたまま`, async () => {
    const request = limiter().daily!.request!
    for (let n = 0; n < MAX_TRACKED_CLIENTS; n++) await request.add(from(address(n)))
    expect(await request.reached(from(address(0)))).toBe(true)
    await request.add(from('192.0.2.200'))
    expect(await request.reached(from(address(0)))).toBe(false)
    expect(await request.reached(from(address(1)))).toBe(true)
    expect(await request.reached(from('192.0.2.200'))).toBe(true)
  })
})
