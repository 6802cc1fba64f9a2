import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import autocannon from 'autocannon'
import { makeBooking } from '../server/helpers/make-request'
import type { BenchSection } from './bench-types'
import { storeCpuPerBooking } from './store-alone'

const CONNECTIONS = 50
const SECONDS = 5
/** Bare and app runs alternate, so a noisy neighbour on a shared machine hits both alike; the median counts. */
const ROUNDS = 3
const root = resolve(import.meta.dirname, '../..')

type ChildMode = 'app' | 'bare' | 'no-store'

async function startChild(mode: ChildMode): Promise<{ child: ChildProcess; url: string; dataDir: string }> {
  // node --import tsx, not the tsx CLI, so the pid is the server itself and /proc shows its memory.
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests/bench/server-bench-child.ts'), mode], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const line = await new Promise<string>((done, fail) => {
    let buffered = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const match = buffered.match(/^URL .*$/m)
      if (match) done(match[0])
    })
    child.once('exit', (code) => fail(new Error(`bench server exited with ${code}`)))
  })
  const [, url, dataDir] = line.split(' ')
  return { child, url: url as string, dataDir: dataDir as string }
}

/** Peak resident set size of a process in MB (VmHWM), Linux only. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(status.match(/^VmHWM:\s+(\d+)\s+kB/m)?.[1] ?? NaN)
  return Math.round((kb / 1024) * 10) / 10
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) / 100
}

async function load(url: string, makeBody: () => string, seconds: number) {
  return autocannon({
    url: `${url}/api/requests`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: makeBody() }) }],
  })
}

export async function run(): Promise<BenchSection> {
  // One real encrypted booking as the template; each request gets its own requestId and lookupId, no slot.
  const { body } = await makeBooking({ mode: 'letter' })
  const makeBody = () => {
    const requestId = randomUUID()
    return JSON.stringify({ ...body, requestId, lookupId: randomBytes(32).toString('base64url'), envelope: { ...body.envelope, requestId } })
  }
  const storeAlone = await storeCpuPerBooking(JSON.stringify(body.envelope))
  const children = { bare: await startChild('bare'), app: await startChild('app'), noStore: await startChild('no-store') }
  try {
    for (const child of Object.values(children)) await load(child.url, makeBody, 2)
    const runs = { bare: [] as autocannon.Result[], app: [] as autocannon.Result[], noStore: [] as autocannon.Result[] }
    // CPU time per answered request: unlike req/s, it hardly moves when other jobs share the machine.
    const cpu = { bare: { seconds: 0, count: 0 }, app: { seconds: 0, count: 0 }, noStore: { seconds: 0, count: 0 } }
    // autocannon runs in this process; its CPU per request (bodies built included) is the load generator's share of the cores.
    const client = { seconds: 0, count: 0 }
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of ['bare', 'app', 'noStore'] as const) {
        const pid = children[name].child.pid as number
        const before = cpuSeconds(pid)
        const clientBefore = process.cpuUsage()
        const result = await load(children[name].url, makeBody, SECONDS)
        cpu[name].seconds += cpuSeconds(pid) - before
        if (name === 'bare') {
          const used = process.cpuUsage(clientBefore)
          client.seconds += (used.user + used.system) / 1e6
          client.count += result.requests.total
        }
        cpu[name].count += result.requests.total
        runs[name].push(result)
      }
    }
    const cpuUs = (name: keyof typeof cpu) => Math.round((cpu[name].seconds / cpu[name].count) * 1e6)
    const [appCpuUs, bareCpuUs, noStoreCpuUs] = [cpuUs('app'), cpuUs('bare'), cpuUs('noStore')]
    const median = (results: autocannon.Result[]) =>
      [...results].sort((a, b) => a.requests.average - b.requests.average)[Math.floor(results.length / 2)] as autocannon.Result
    const bareResult = median(runs.bare)
    const appResult = median(runs.app)
    const noStoreResult = median(runs.noStore)
    const rss = peakRssMb(children.app.child.pid as number)
    const toBare = (result: autocannon.Result) => Math.round((result.requests.average / bareResult.requests.average) * 100) / 100
    const ratio = toBare(appResult)
    const failures = runs.app.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0)
    return {
      title: `POST /api/requests on Node + SQLite (${CONNECTIONS} connections, median of ${ROUNDS} interleaved ${SECONDS} s runs, autocannon)`,
      rows: [
        { name: 'tsunagu: requests/s', value: Math.round(appResult.requests.average), unit: 'req/s' },
        { name: 'bare Hono 201 handler: requests/s', value: Math.round(bareResult.requests.average), unit: 'req/s' },
        { name: 'ratio to the bare handler', value: ratio, target: '≥ 0.5', ok: ratio >= 0.5 },
        { name: 'tsunagu: server CPU per request', value: appCpuUs, unit: 'µs' },
        { name: 'bare handler: server CPU per request', value: bareCpuUs, unit: 'µs' },
        { name: 'CPU-time ratio (bare / tsunagu), noise-resistant', value: Math.round((bareCpuUs / appCpuUs) * 100) / 100 },
        { name: 'reference, tsunagu with writes discarded (no SQLite): requests/s', value: Math.round(noStoreResult.requests.average), unit: 'req/s' },
        { name: 'reference, tsunagu with writes discarded: ratio to the bare handler', value: toBare(noStoreResult) },
        { name: 'reference, tsunagu with writes discarded: server CPU per request', value: noStoreCpuUs, unit: 'µs' },
        { name: 'reference, the SQLite store alone (no HTTP): CPU per booking', value: Math.round(storeAlone.cpuUs), unit: 'µs' },
        { name: 'reference, the SQLite store alone: wall time per booking, fsync waits included', value: Math.round(storeAlone.wallUs), unit: 'µs' },
        { name: 'reference, autocannon: CPU per request (driving the bare handler)', value: Math.round((client.seconds / client.count) * 1e6), unit: 'µs' },
        { name: 'tsunagu: p99 latency', value: appResult.latency.p99, unit: 'ms', target: '< 25 ms', ok: appResult.latency.p99 < 25 },
        { name: 'bare handler: p99 latency', value: bareResult.latency.p99, unit: 'ms' },
        { name: 'tsunagu: answers other than 201', value: failures, target: '0', ok: failures === 0 },
        { name: 'tsunagu: peak resident memory (VmHWM)', value: rss, unit: 'MB', target: '≤ 200 MB', ok: rss <= 200 },
      ],
    }
  } finally {
    for (const { child } of Object.values(children)) child.kill('SIGTERM')
    rmSync(children.app.dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.table((await run()).rows)
}
