import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientAddress, limitKeyOf, parseNetworks } from '../../src/server/http/client-address'
import type { RunningServer } from '../../src/server/node'
import { startTestNodeServer } from './helpers/node-server'
import { openSlots, postJson, solvedProof, type ApiTarget } from './contract/target'
import { makeBooking } from './helpers/make-request'

describe('相手の数え方（アドレス）', () => {
  it('IPv6 は /64 ごと、IPv4 に写した IPv6 は IPv4 として数える', () => {
    expect(limitKeyOf('2001:db8:bad:1::1')).toBe(limitKeyOf('2001:db8:bad:1:ffff:ffff:ffff:fffe'))
    expect(limitKeyOf('2001:db8:bad:1::1')).not.toBe(limitKeyOf('2001:db8:bad:2::1'))
    expect(limitKeyOf('::ffff:192.0.2.7')).toBe('192.0.2.7')
    expect(limitKeyOf('[2001:db8::1]')).toBe('2001:db8:0:0::/64')
    expect(limitKeyOf('not an address')).toBe('unknown')
  })

  it('X-Forwarded-For は信頼するプロキシからの接続のときだけ使い、右から最初の信頼しないアドレスを相手とする', () => {
    const proxies = parseNetworks('10.0.0.0/8, ::1')!
    expect(clientAddress(proxies, '10.1.2.3', '198.51.100.9, 203.0.113.5')).toBe('203.0.113.5')
    expect(clientAddress(proxies, '10.1.2.3', '203.0.113.5, 10.9.9.9')).toBe('203.0.113.5')
    expect(clientAddress(proxies, '::1', '2001:db8::5')).toBe('2001:db8::5')
    // Not from a proxy: a client that writes the header itself gains nothing.
    expect(clientAddress(proxies, '192.0.2.1', '203.0.113.5')).toBe('192.0.2.1')
    expect(clientAddress([], '10.1.2.3', '203.0.113.5')).toBe('10.1.2.3')
    expect(parseNetworks('10.0.0.0/33')).toBeNull()
    expect(parseNetworks('example.org')).toBeNull()
  })
})

describe('Node サーバー: 信頼するプロキシのうしろの流量制限', () => {
  let server: RunningServer
  let dataDir: string
  let target: ApiTarget
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-abuse-'))
    server = await startTestNodeServer({
      PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-dist'), SLOT_WEEKS: 3,
      RATE_LIMIT_PER_MINUTE: 30, BOOKING_LIMIT_PER_MINUTE: 10, LOOKUP_LIMIT_PER_MINUTE: 10, METRICS_LIMIT_PER_MINUTE: 30,
      SLOT_BOOKINGS_PER_DAY: 4, TRUSTED_PROXIES: '127.0.0.1',
    })
    target = { fetch: (path, init) => fetch(`${server.url}${path}`, init) }
  })
  afterAll(async () => {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  })
  const from = (address: string) => ({ 'x-forwarded-for': address })
  const junkLookup = { lookupId: 'A'.repeat(43), authKey: 'A'.repeat(43) }

  it('ひとつの /64 から照会と予約をあふれさせても、ほかの人の予約は通る（攻撃側は 1 日 4 枠まで）', async () => {
    const slots = await openSlots(target, 'toshima', 'phone')
    expect(slots.length).toBeGreaterThan(30)
    const attacker: number[] = []
    let attackerSlots = 0
    for (let i = 0; i < 60; i++) {
      const address = `2001:db8:bad:1:${((i * 7919) % 65_536).toString(16)}::${i + 1}`
      attacker.push((await postJson(target, '/api/requests/lookup', junkLookup, from(address))).status)
      const booking = await makeBooking({ slotId: slots[i]!.id })
      // A challenge costs a POST too: once its budget is spent the attacker sends without a proof.
      const proof = await solvedProof(target, from(address)).catch(() => undefined)
      const response = await postJson(target, '/api/requests', { ...booking.body, proof }, from(address))
      attacker.push(response.status)
      if (response.status === 201) attackerSlots++
    }
    const real: number[] = []
    for (let i = 0; i < 20; i++) {
      const booking = await makeBooking({ slotId: slots[59 - i]!.id })
      const address = i % 2 === 0 ? `203.0.113.${i + 1}` : `2001:db8:${i}:1::1`
      real.push((await postJson(target, '/api/requests', booking.body, from(address))).status)
    }
    console.log(`[figure] one /64 sent ${attacker.length} POSTs: ${attacker.filter((s) => s === 429).length} × 429, ${attackerSlots} slots held; real users: ${real.filter((s) => s === 201).length} of ${real.length} booked`)
    expect(attackerSlots).toBe(4)
    expect(attacker.every((s) => s === 201 || s === 404 || s === 429 || s === 400)).toBe(true)
    expect(real).toEqual(Array(20).fill(201))
  })

  it('照会が上限に達しても、同じ相手の予約の枠は別に残る。枠を取らない受付は 1 日の上限に数えない', async () => {
    const address = '198.51.100.77'
    const lookups: number[] = []
    for (let i = 0; i < 12; i++) lookups.push((await postJson(target, '/api/requests/lookup', junkLookup, from(address))).status)
    expect(lookups.slice(0, 10)).toEqual(Array(10).fill(404))
    expect(lookups.slice(10)).toEqual([429, 429])
    const waiting = await makeBooking({ slotId: null })
    expect((await postJson(target, '/api/requests', waiting.body, from(address))).status).toBe(201)
  })

  it('プロキシを通らない接続が X-Forwarded-For を書いても、別の相手にはならない', async () => {
    const direct = await startTestNodeServer({
      PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-dist'), SLOT_WEEKS: 0,
      RATE_LIMIT_PER_MINUTE: 30, LOOKUP_LIMIT_PER_MINUTE: 3,
    })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${direct.url}/api/requests/lookup`, {
          method: 'POST', headers: { 'content-type': 'application/json', ...from(`192.0.2.${i + 1}`) }, body: JSON.stringify(junkLookup),
        })
        statuses.push(response.status)
      }
      expect(statuses).toEqual([404, 404, 404, 429, 429])
    } finally {
      await direct.close()
    }
  })
})
