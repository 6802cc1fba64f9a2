// How long a script needs to hold every open slot of a window, with everything a deployment runs:
// the real Node server with its default limits and proof-of-work difficulty behind a trusted proxy,
// and an attacker who holds many IPv6 /64s, solves each challenge with native PBKDF2 and books every
// slot of the 14 days the form shows, a new /64 after each 4 (the per-client daily cap).
// Run: npx tsx tests/reliability/slot-hoarding.ts [concurrency=2]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { solveChallenge } from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2'
import { challengeResponseSchema } from '../../src/shared/proof-of-work/proof-schema'
import { postJson, type ApiTarget, type SlotJson } from '../server/contract/target'
import { makeBooking } from '../server/helpers/make-request'
import { startTestNodeServer } from '../server/helpers/node-server'

export interface HoardResult {
  openSlots: number
  held: number
  seconds: number
  addresses: number
  statuses: Record<string, number>
  solveMs: number
}

async function book(target: ApiTarget, slot: SlotJson, address: string): Promise<{ status: string; solveMs: number }> {
  const headers = { 'x-forwarded-for': address }
  const answer = await target.fetch('/api/requests/challenge', { method: 'POST', headers })
  if (answer.status !== 200) return { status: `challenge ${answer.status}`, solveMs: 0 }
  const { challenge } = challengeResponseSchema.parse(await answer.json())
  const start = performance.now()
  const solution = await solveChallenge({ challenge, deriveKey })
  const solveMs = performance.now() - start
  const booking = await makeBooking({ slotId: slot.id, mode: slot.mode as 'phone' })
  const response = await postJson(target, '/api/requests', { ...booking.body, proof: { challenge, solution } }, headers)
  const body = (await response.json()) as { error?: string }
  return { status: response.status === 201 ? '201' : `${response.status} ${body.error}`, solveMs }
}

export async function hoardWindow(target: ApiTarget, windowId: string, concurrency: number): Promise<HoardResult> {
  const { slots } = (await (await target.fetch(`/api/windows/${windowId}/slots`)).json()) as { slots: SlotJson[] }
  const statuses: Record<string, number> = {}
  const solve: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < slots.length) {
        const index = next++
        const address = `2001:db8:${(Math.floor(index / 4) + 1).toString(16)}:1::1`
        const outcome = await book(target, slots[index]!, address)
        statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1
        if (outcome.solveMs) solve.push(outcome.solveMs)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  solve.sort((a, b) => a - b)
  return { openSlots: slots.length, held: statuses['201'] ?? 0, seconds, addresses: Math.ceil(slots.length / 4), statuses, solveMs: solve[Math.floor(solve.length / 2)] ?? 0 }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const concurrency = Number(process.argv[2] ?? 2)
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-hoard-'))
  // The defaults of npm start (limits, WINDOW_REQUESTS_PER_DAY 200, proof-of-work difficulty), behind a proxy.
  const server = await startTestNodeServer({
    PORT: 0, HOST: '127.0.0.1', DATA_DIR: dir, DIST_DIR: join(dir, 'no-dist'), SLOT_WEEKS: 3, RATE_LIMIT_PER_MINUTE: 30, TRUSTED_PROXIES: '127.0.0.1',
    CREDENTIAL_SECRET: 'slot-hoarding-credential-secret-0123456789', POW_COST: undefined, POW_MAX_COUNTER: undefined,
  })
  try {
    const result = await hoardWindow({ fetch: (path, init) => fetch(`${server.url}${path}`, init) }, 'toshima', concurrency)
    console.log(`open slots of toshima in the 14 days shown: ${result.openSlots}; held by the script: ${result.held} in ${result.seconds.toFixed(1)} s using ${result.addresses} /64s (${concurrency} at a time); median native solve ${result.solveMs.toFixed(0)} ms; answers ${JSON.stringify(result.statuses)}`)
  } finally {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
