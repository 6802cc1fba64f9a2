// 200 simultaneous bookings of one slot, N rounds: exactly one 201 per round, the rest 409, no 5xx.
// Full run: npx tsx tests/reliability/double-booking.ts [rounds=100] [concurrency=200] [node|workerd|workerd-direct]
// (Node + SQLite over HTTP, or the Workers entry in workerd on a local D1 through wrangler's dev server;
// workerd-direct talks to workerd without wrangler's dev proxy). Each racing POST has a connection of its own.
// CI runs a few rounds: tests/server/double-booking.test.ts.
import { request } from 'node:http'
import { openSlots, solvedProof, type ApiTarget, type SlotJson } from '../server/contract/target'
import { makeBooking } from '../server/helpers/make-request'
import { slotModes } from '../../src/shared/schemas/availability'

export interface RaceResult {
  rounds: number
  concurrency: number
  /** 201 count of each round. */
  winners: number[]
  serverErrors: number
  other: Record<string, number>
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function pooled<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  let next = 0
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * One POST on a connection of its own, as 200 people's own browsers would send it, answered status.
 * Not fetch's kept-alive pool: workerd closes a connection after 5 s idle, and while this process
 * solves the proofs (blocking its event loop) the pool misses that close and sends the race on a
 * connection workerd has already shut ("other side closed" / ECONNRESET before any answer).
 */
function postOnNewConnection(origin: string, path: string, body: string): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(new URL(path, origin), { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      // Read to the end: a connection closed with the answer unread is logged by workerd as an error.
      res.resume()
      res.once('end', () => done(res.statusCode ?? 0))
      res.once('error', fail)
    })
    req.once('error', fail)
    req.end(body)
  })
}

/** Open slots of every mode (phone first), one per round: a mode's horizon alone may hold fewer than 100. */
async function slotsForRounds(target: ApiTarget, rounds: number): Promise<SlotJson[]> {
  const slots: SlotJson[] = []
  for (const mode of slotModes) {
    if (slots.length < rounds) slots.push(...(await openSlots(target, 'toshima', mode)))
  }
  if (slots.length < rounds) throw new Error(`only ${slots.length} open slots for ${rounds} rounds`)
  return slots.slice(0, rounds)
}

/** `origin` is the server's (Node, or workerd with or without wrangler's dev proxy). */
export async function raceForSlots(origin: string, rounds: number, concurrency: number): Promise<RaceResult> {
  const target: ApiTarget = { fetch: (path, init) => fetch(new URL(path, origin), init) }
  const slots = await slotsForRounds(target, rounds)
  const result: RaceResult = { rounds, concurrency, winners: [], serverErrors: 0, other: {} }
  for (const slot of slots) {
    // Sealing and the proof-of-work come first, a few at a time (as each person's browser does them
    // on its own); then the 200 POSTs go out together, which is the race.
    const bodies = await pooled(Array.from({ length: concurrency }), 20, async () => {
      const { body } = await makeBooking({ slotId: slot.id, mode: slot.mode as (typeof slotModes)[number] })
      return JSON.stringify({ ...body, proof: await solvedProof(target) })
    })
    const statuses = await Promise.all(bodies.map((body) => postOnNewConnection(origin, '/api/requests', body)))
    result.winners.push(statuses.filter((s) => s === 201).length)
    for (const s of statuses) {
      if (s >= 500) result.serverErrors++
      else if (s !== 201 && s !== 409) result.other[s] = (result.other[s] ?? 0) + 1
    }
  }
  return result
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.argv[2] ?? 100)
  const concurrency = Number(process.argv[3] ?? 200)
  const runtime = process.argv[4] ?? 'node'
  const { origin, close, label } = runtime.startsWith('workerd') ? await workerdTarget(runtime === 'workerd-direct') : await nodeTarget()
  const started = performance.now()
  const result = await raceForSlots(origin, rounds, concurrency)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  await close()
  const exact = result.winners.every((w) => w === 1)
  console.log(`${label}: ${rounds} rounds × ${concurrency} simultaneous bookings of one slot: ${exact ? 'exactly one 201 in every round' : `winners per round ${result.winners.join(',')}`}; 5xx: ${result.serverErrors}; other: ${JSON.stringify(result.other)}; ${seconds} s`)
  process.exitCode = exact && result.serverErrors === 0 ? 0 : 1
}

async function nodeTarget() {
  const { mkdtempSync, rmSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { startTestNodeServer } = await import('../server/helpers/node-server')
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-race-'))
  const server = await startTestNodeServer({ PORT: 0, HOST: '127.0.0.1', DATA_DIR: dir, DIST_DIR: join(dir, 'no-dist'), SLOT_WEEKS: 3 })
  const close = async () => {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return { origin: server.url, close, label: 'Node + SQLite' }
}

async function workerdTarget(direct: boolean) {
  const { startWorkerd } = await import('../server/helpers/workerd')
  // Every booking comes from 127.0.0.1: the rate-limit bindings and daily caps lifted as in fuzz-all's workerd
  // world, the window's daily quota off as in the workerd bench (100 rounds are 100 bookings of one window).
  const workerd = await startWorkerd({ rateLimitPerMinute: 1_000_000_000, vars: { WINDOW_REQUESTS_PER_DAY: '0' }, direct })
  return { origin: workerd.origin, close: () => workerd.close(), label: `workerd + local D1${direct ? ' (direct)' : ''}` }
}
