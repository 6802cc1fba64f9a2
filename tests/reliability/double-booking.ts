// 200 simultaneous bookings of one slot, N rounds: exactly one 201 per round, the rest 409, no 5xx.
// Full run: npx tsx tests/reliability/double-booking.ts [rounds=100] [concurrency=200] [node|workerd]
// (Node + SQLite over HTTP, or the Workers entry in workerd + local D1). CI runs 3 rounds on Node:
// tests/server/double-booking.test.ts.
import { openSlots, postJson, type ApiTarget } from '../server/contract/target'
import { makeBooking } from '../server/helpers/make-request'

export interface RaceResult {
  rounds: number
  concurrency: number
  /** 201 count of each round. */
  winners: number[]
  serverErrors: number
  other: Record<string, number>
}

export async function raceForSlots(target: ApiTarget, rounds: number, concurrency: number): Promise<RaceResult> {
  // Phone slots first, then visit and video ones when a window's horizon has fewer phone slots than rounds.
  const slots: Array<{ id: string; mode: 'phone' | 'visit' | 'video' }> = []
  for (const mode of ['phone', 'visit', 'video'] as const) {
    if (slots.length < rounds) slots.push(...(await openSlots(target, 'toshima', mode)).map((slot) => ({ id: slot.id, mode })))
  }
  if (slots.length < rounds) throw new Error(`only ${slots.length} open slots for ${rounds} rounds`)
  const result: RaceResult = { rounds, concurrency, winners: [], serverErrors: 0, other: {} }
  for (let round = 0; round < rounds; round++) {
    const { id: slotId, mode } = slots[round]!
    const bodies = await Promise.all(Array.from({ length: concurrency }, () => makeBooking({ slotId, mode })))
    const statuses = await Promise.all(
      bodies.map(async (b) => {
        const response = await postJson(target, '/api/requests', b.body)
        await response.body?.cancel()
        return response.status
      }),
    )
    result.winners.push(statuses.filter((s) => s === 201).length)
    for (const s of statuses) {
      if (s >= 500) result.serverErrors++
      else if (s !== 201 && s !== 409) result.other[s] = (result.other[s] ?? 0) + 1
    }
  }
  return result
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdtempSync, rmSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { startTestNodeServer } = await import('../server/helpers/node-server')
  const rounds = Number(process.argv[2] ?? 100)
  const concurrency = Number(process.argv[3] ?? 200)
  const runtime = process.argv[4] === 'workerd' ? 'workerd' : 'node'
  const started = performance.now()
  let result: RaceResult
  let label: string
  if (runtime === 'workerd') {
    const { startWorkerd } = await import('../server/helpers/workerd')
    // Per-client limits lifted (every request comes from 127.0.0.1), as the workerd bench does.
    const workerd = await startWorkerd({ rateLimitPerMinute: 10_000_000 })
    try {
      result = await raceForSlots(workerd.target, rounds, concurrency)
    } finally {
      await workerd.close()
    }
    label = 'workerd + D1 (local)'
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'tsunagu-race-'))
    const server = await startTestNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dir, DIST_DIR: join(dir, 'no-dist'), SLOT_WEEKS: 3 })
    try {
      result = await raceForSlots({ fetch: (path, init) => fetch(`${server.url}${path}`, init) }, rounds, concurrency)
    } finally {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    }
    label = 'Node + SQLite'
  }
  const exact = result.winners.every((w) => w === 1)
  console.log(`${label}: ${rounds} rounds × ${concurrency} simultaneous bookings of one slot: ${exact ? 'exactly one 201 in every round' : `winners per round ${result.winners.join(',')}`}; 5xx: ${result.serverErrors}; other: ${JSON.stringify(result.other)}; ${((performance.now() - started) / 1000).toFixed(1)} s`)
  process.exitCode = exact && result.serverErrors === 0 ? 0 : 1
}
