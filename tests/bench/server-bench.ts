import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import autocannon from 'autocannon'
import { makeBooking } from '../server/helpers/make-request'
import { writeTestWindows } from '../server/helpers/node-server'
import type { BenchSection } from './bench-types'
import { storeCpuPerBooking } from './store-alone'

const CONNECTIONS = 50
const SECONDS = 5
/** The servers' runs alternate, so a noisy neighbour on a shared machine hits all alike; the median counts. */
const ROUNDS = 3
const root = resolve(import.meta.dirname, '../..')

/** See server-bench-child.ts. `durable` is the baseline of the target; the others are references. */
const MODES = ['durable', 'app', 'bare', 'durableEach', 'noStore'] as const
type Mode = (typeof MODES)[number]
const childMode: Record<Mode, string> = { durable: 'durable', app: 'app', bare: 'bare', durableEach: 'durable-each', noStore: 'no-store' }

interface Child {
  child: ChildProcess
  url: string
  dataDir: string
}

async function startChild(mode: Mode, windowsFile: string): Promise<Child> {
  // node --import tsx, not the tsx CLI, so the pid is the server itself and /proc shows its memory.
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests/bench/server-bench-child.ts'), childMode[mode], windowsFile], {
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
    child.once('exit', (code) => fail(new Error(`bench server ${mode} exited with ${code}`)))
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

const round2 = (n: number) => Math.round(n * 100) / 100

export async function run(): Promise<BenchSection> {
  // The server children use this process's test deployment: the template is sealed to exactly its keys.
  const windowsDir = mkdtempSync(join(tmpdir(), 'tsunagu-bench-windows-'))
  const windowsFile = join(windowsDir, 'windows.json')
  await writeTestWindows(windowsFile)
  // One real encrypted booking as the template; each request gets its own requestId and lookupId, no slot.
  const { body } = await makeBooking({ mode: 'letter' })
  const makeBody = () => {
    const requestId = randomUUID()
    return JSON.stringify({ ...body, requestId, lookupId: randomBytes(32).toString('base64url'), envelope: { ...body.envelope, requestId } })
  }
  const bodyBytes = Buffer.byteLength(makeBody())
  const storeAlone = await storeCpuPerBooking(JSON.stringify(body.envelope))
  const children = {} as Record<Mode, Child>
  try {
    for (const mode of MODES) children[mode] = await startChild(mode, windowsFile)
    for (const mode of MODES) await load(children[mode].url, makeBody, 2)
    const runs = Object.fromEntries(MODES.map((mode) => [mode, [] as autocannon.Result[]])) as Record<Mode, autocannon.Result[]>
    // CPU time per answered request: unlike req/s, it hardly moves when other jobs share the machine.
    const cpu = Object.fromEntries(MODES.map((mode) => [mode, { seconds: 0, count: 0 }])) as Record<Mode, { seconds: number; count: number }>
    // autocannon runs in this process; its CPU per request (bodies built included) is the load generator's share of the cores.
    const client = { seconds: 0, count: 0 }
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of MODES) {
        const pid = children[mode].child.pid as number
        const before = cpuSeconds(pid)
        const clientBefore = process.cpuUsage()
        const result = await load(children[mode].url, makeBody, SECONDS)
        cpu[mode].seconds += cpuSeconds(pid) - before
        if (mode === 'bare') {
          const used = process.cpuUsage(clientBefore)
          client.seconds += (used.user + used.system) / 1e6
          client.count += result.requests.total
        }
        cpu[mode].count += result.requests.total
        runs[mode].push(result)
      }
    }
    const cpuUs = (mode: Mode) => Math.round((cpu[mode].seconds / cpu[mode].count) * 1e6)
    const median = (mode: Mode) =>
      [...runs[mode]].sort((a, b) => a.requests.average - b.requests.average)[Math.floor(ROUNDS / 2)] as autocannon.Result
    const rps = (mode: Mode) => Math.round(median(mode).requests.average)
    const failures = (mode: Mode) => runs[mode].reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0)
    const ratio = round2(rps('app') / rps('durable'))
    const p99 = median('app').latency.p99
    const rss = peakRssMb(children.app.child.pid as number)
    return {
      title: `POST /api/requests on Node + SQLite against a minimal durable handler (${CONNECTIONS} connections, ${bodyBytes}-byte bodies, median of ${ROUNDS} interleaved ${SECONDS} s runs, autocannon)`,
      rows: [
        { name: 'tsunagu: requests/s', value: rps('app'), unit: 'req/s' },
        { name: 'minimal durable handler (Hono, one insert of the body, same driver, WAL, synchronous=FULL, group commit): requests/s', value: rps('durable'), unit: 'req/s' },
        { name: 'ratio to the minimal durable handler', value: ratio, target: '≥ 0.8', ok: ratio >= 0.8 },
        { name: 'tsunagu: server CPU per request', value: cpuUs('app'), unit: 'µs' },
        { name: 'minimal durable handler: server CPU per request', value: cpuUs('durable'), unit: 'µs' },
        { name: 'CPU-time ratio (durable handler / tsunagu), noise-resistant', value: round2(cpuUs('durable') / cpuUs('app')) },
        { name: 'tsunagu: p99 latency', value: p99, unit: 'ms', target: '< 25 ms', ok: p99 < 25 },
        { name: 'minimal durable handler: p99 latency', value: median('durable').latency.p99, unit: 'ms' },
        { name: 'tsunagu: answers other than 201', value: failures('app'), target: '0', ok: failures('app') === 0 },
        { name: 'minimal durable handler: answers other than 201', value: failures('durable') },
        { name: 'tsunagu: peak resident memory (VmHWM)', value: rss, unit: 'MB', target: '≤ 200 MB', ok: rss <= 200 },
        { name: 'reference, bare Hono 201 handler (writes nothing): requests/s', value: rps('bare'), unit: 'req/s' },
        { name: 'reference, tsunagu: ratio to the bare handler', value: round2(rps('app') / rps('bare')) },
        { name: 'reference, bare handler: server CPU per request', value: cpuUs('bare'), unit: 'µs' },
        { name: 'reference, durable handler with one transaction and fsync per request: requests/s', value: rps('durableEach'), unit: 'req/s' },
        { name: 'reference, tsunagu: ratio to the per-request-fsync handler', value: round2(rps('app') / rps('durableEach')) },
        { name: 'reference, per-request-fsync handler: server CPU per request', value: cpuUs('durableEach'), unit: 'µs' },
        { name: 'reference, per-request-fsync handler: p99 latency', value: median('durableEach').latency.p99, unit: 'ms' },
        { name: 'reference, tsunagu with writes discarded (no SQLite writes): requests/s', value: rps('noStore'), unit: 'req/s' },
        { name: 'reference, tsunagu with writes discarded: server CPU per request', value: cpuUs('noStore'), unit: 'µs' },
        { name: 'reference, the SQLite store alone (no HTTP): CPU per booking', value: Math.round(storeAlone.cpuUs), unit: 'µs' },
        { name: 'reference, the SQLite store alone: wall time per booking, fsync waits included', value: Math.round(storeAlone.wallUs), unit: 'µs' },
        { name: 'reference, autocannon: CPU per request (driving the bare handler)', value: Math.round((client.seconds / client.count) * 1e6), unit: 'µs' },
      ],
    }
  } finally {
    for (const { child, dataDir } of Object.values(children)) {
      child.kill('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
      rmSync(`${dataDir}-secret`, { force: true })
    }
    rmSync(windowsDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.table((await run()).rows)
}
