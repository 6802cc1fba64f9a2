import { randomBytes, randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import autocannon from 'autocannon'
import { makeBooking } from '../server/helpers/make-request'
import { startWorkerd } from '../server/helpers/workerd'
import type { BenchSection } from './bench-types'

const CONNECTIONS = 50
const SECONDS = 5
const ROUNDS = 3
/** Far above what one run sends: every request comes from 127.0.0.1, which the real limits would stop after 10. */
const LIFTED = 10_000_000

/** CPU seconds (user + system) of the workerd processes this process started (wrangler's proxy and the worker). */
function workerdCpuSeconds(): number {
  let ticks = 0
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const [, comm, rest] = stat.match(/^\d+ \((.*)\) (.*)$/s) ?? []
      const fields = rest?.split(' ') ?? []
      if (comm === 'workerd' && Number(fields[1]) === process.pid) ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // The process ended while the list was read.
    }
  }
  return ticks / 100
}

export async function run(): Promise<BenchSection> {
  // One real encrypted booking as the template; each request gets its own requestId and lookupId, no slot.
  const { body } = await makeBooking({ mode: 'letter' })
  const makeBody = () => {
    const requestId = randomUUID()
    return JSON.stringify({ ...body, requestId, lookupId: randomBytes(32).toString('base64url'), envelope: { ...body.envelope, requestId } })
  }
  // The per-minute rate-limit bindings and the per-client daily caps lifted (startWorkerd's
  // rateLimitPerMinute), the window quota off (WINDOW_REQUESTS_PER_DAY=0): the route does all its
  // work (validation, recipients check, keyed hashes, D1 insert, daily count) and stores every booking.
  const workerd = await startWorkerd({ rateLimitPerMinute: LIFTED, vars: { WINDOW_REQUESTS_PER_DAY: '0' } })
  try {
    const load = (seconds: number) =>
      autocannon({
        url: new URL('/api/requests', workerd.origin).href,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: makeBody() }) }],
      })
    await load(2)
    const runs: autocannon.Result[] = []
    let cpu = 0
    for (let round = 0; round < ROUNDS; round++) {
      const before = workerdCpuSeconds()
      runs.push(await load(SECONDS))
      cpu += workerdCpuSeconds() - before
    }
    // The floor of this setup: a route that reads nothing and writes nothing, through the same proxy and runtime.
    const health = await autocannon({ url: new URL('/api/health', workerd.origin).href, connections: CONNECTIONS, duration: SECONDS })
    const total = runs.reduce((sum, r) => sum + r.requests.total, 0)
    const median = [...runs].sort((a, b) => a.requests.average - b.requests.average)[Math.floor(ROUNDS / 2)]!
    const failures = runs.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0)
    return {
      title: `POST /api/requests on local workerd + D1 (wrangler unstable_startWorker, ${CONNECTIONS} connections, median of ${ROUNDS} × ${SECONDS} s, autocannon)`,
      rows: [
        { name: 'requests/s', value: Math.round(median.requests.average), unit: 'req/s' },
        { name: 'p50 latency', value: median.latency.p50, unit: 'ms' },
        { name: 'p99 latency', value: median.latency.p99, unit: 'ms' },
        { name: 'answers other than 201 (all rounds)', value: failures, target: '0', ok: failures === 0 },
        { name: 'bookings sent (all rounds)', value: total },
        { name: 'reference, GET /api/health on the same workerd: requests/s', value: Math.round(health.requests.average), unit: 'req/s' },
        { name: 'reference, GET /api/health: p99 latency', value: health.latency.p99, unit: 'ms' },
        { name: 'workerd CPU per request (worker + wrangler dev proxy)', value: total > 0 ? Math.round((cpu / total) * 1e6) : 'n/a', unit: 'µs' },
      ],
    }
  } finally {
    await workerd.close()
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.table((await run()).rows)
}
