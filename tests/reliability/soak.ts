// Soak: the real Node server (own process, SQLite file in a temporary DATA_DIR, the built app) under
// mixed traffic at a fixed rate for N minutes; memory and p99 at the start and at the end.
// Run: npx tsx tests/reliability/soak.ts [minutes=30]   (SOAK_RATE=150 requests/s by default;
// SOAK_GC=1: the server runs a full GC before each heap reading, to tell a leak from a lazy collector)
// SOAK_SNAPSHOTS=1,5 SOAK_SNAPSHOT_DIR=dir: heap snapshots at those minutes, for tests/reliability/heap-diff.ts
// Minutes 0–2 are the warm-up (SOAK_WARMUP_MIN=3); start = the 3 minutes after it, end = the last 3
// (runs too short for both: a smoke run, no comparison).
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import { buildIfNeeded } from '../../src/server/build-if-needed'
import { writeTestWindows } from '../server/helpers/node-server'
import { createTraffic, type Outcome } from './soak-traffic'
import { growth, minuteRow, perKind, toMarkdown, windowOf, type Exchange, type MinuteRow, type MinuteSample, type SoakReport } from './soak-report'

const root = resolve(import.meta.dirname, '../..')
const distDir = join(root, 'dist')
const minutes = Math.max(1, Number(process.argv[2] ?? 30))
const rate = Number(process.env.SOAK_RATE ?? 150)
const MAX_IN_FLIGHT = 1000
const MB = 1024 * 1024

/** The limits of `npm start` as they are, except the ones named here (and reported with the figures). */
const SETTINGS: Record<string, string> = {
  TRUSTED_PROXIES: '127.0.0.1',
  RATE_LIMIT_PER_MINUTE: '30',
  WINDOW_REQUESTS_PER_DAY: '0',
}

/** A local tile server: the real one is out of reach here, and a soak must not lean on a third party. */
function startTileSource(): Promise<Server> {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2000)])
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png))
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)))
}

async function startServer(dataDir: string, tileSource: string): Promise<{ child: ChildProcess; url: string; token: string; heap: { minMb: number } }> {
  const windows = `${dataDir}-windows.json`
  await writeTestWindows(windows)
  // node itself with the tsx loader: the pid is the server, so /proc shows its memory and CPU alone.
  const gc = process.env.SOAK_GC === '1' ? ['--expose-gc'] : []
  const child = spawn(process.execPath, [...gc, '--import', 'tsx', join(root, 'tests/reliability/soak-child.ts')], {
    cwd: root,
    env: {
      ...process.env,
      ...SETTINGS,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: distDir,
      CREDENTIAL_SECRET: randomBytes(32).toString('base64url'),
      TILE_SOURCE: `${tileSource}/{z}/{x}/{y}.png`,
      // The defaults of the proof-of-work, written out: the test helper would otherwise lower them.
      POW_COST: '10000',
      POW_MAX_COUNTER: '60',
      TEST_WINDOWS: windows,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const heap = { minMb: Infinity }
  return new Promise((done, fail) => {
    let buffered = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += String(chunk)
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const text of lines) {
        const ready = /^ready (\S+) (\S+)/.exec(text)
        if (ready) done({ child, url: ready[1]!, token: ready[2]!, heap })
        const used = /^heap (\d+)/.exec(text)
        if (used) heap.minMb = Math.min(heap.minMb, Number(used[1]) / MB)
      }
    })
    child.once('exit', (code) => fail(new Error(`soak server exited with ${code}`)))
  })
}

const rssMb = (pid: number) => Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) / 100
}
const sizeMb = (path: string) => {
  try {
    return statSync(path).size / MB
  } catch {
    return 0
  }
}
const round = (value: number) => Math.round(value * 10) / 10

await buildIfNeeded(root, distDir)
const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-soak-'))
const tiles = await startTileSource()
const { port } = tiles.address() as { port: number }
const server = await startServer(dataDir, `http://127.0.0.1:${port}`)
const pid = server.child.pid!
const exchanges: Exchange[][] = Array.from({ length: minutes }, () => [])
const rows: MinuteRow[] = []
try {
  const traffic = await createTraffic(server.url, distDir, server.token)
  console.log(`[soak] ${minutes} min at ${rate} req/s against ${server.url} (pid ${pid}), data in ${dataDir}`)
  const started = performance.now()
  let sent = 0
  let inFlight = 0
  let skipped = 0
  const pending = new Set<Promise<void>>()
  const record = (minute: number, outcomes: Outcome[]) => {
    for (const o of outcomes) exchanges[minute]!.push(o)
  }
  const fire = () => {
    const minute = Math.floor((performance.now() - started) / 60_000)
    if (minute >= minutes) return
    inFlight++
    const job = traffic
      .next()
      .then((outcomes) => record(minute, outcomes))
      .catch(() => record(minute, [{ kind: 'load-generator', status: 0, ms: 0 }]))
      .finally(() => {
        inFlight--
        pending.delete(job)
      })
    pending.add(job)
  }
  // Open loop: requests leave on schedule whether or not earlier ones have answered (no coordinated omission).
  const ticker = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * rate)
    for (; sent < due; sent++) {
      if (inFlight >= MAX_IN_FLIGHT) skipped++
      else fire()
    }
  }, 10)
  let sample = { rssMin: Infinity, rssMax: 0 }
  const sampler = setInterval(() => {
    const rss = rssMb(pid)
    sample = { rssMin: Math.min(sample.rssMin, rss), rssMax: Math.max(sample.rssMax, rss) }
  }, 1000)
  let cpuBefore = cpuSeconds(pid)
  let clientBefore = process.cpuUsage()
  for (let minute = 0; minute < minutes; minute++) {
    await new Promise((r) => setTimeout(r, started + (minute + 1) * 60_000 - performance.now()))
    const cpuNow = cpuSeconds(pid)
    const measured: MinuteSample = {
      rssMinMb: round(sample.rssMin),
      rssMaxMb: round(sample.rssMax),
      heapMinMb: round(server.heap.minMb),
      cpuSeconds: cpuNow - cpuBefore,
      clientCpuSeconds: (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(clientBefore)),
      dbMb: round(sizeMb(join(dataDir, 'tsunagu.sqlite'))),
      walMb: round(sizeMb(join(dataDir, 'tsunagu.sqlite-wal'))),
      load1: Math.round(loadavg()[0]! * 100) / 100,
      skipped,
    }
    cpuBefore = cpuNow
    clientBefore = process.cpuUsage()
    sample = { rssMin: Infinity, rssMax: 0 }
    server.heap.minMb = Infinity
    skipped = 0
    // Exchanges still in flight belong to the minute they started in; a late one only adds to its count.
    rows.push(minuteRow(minute, exchanges[minute]!, measured))
    const row = rows.at(-1)!
    console.log(`[soak] min ${minute}: ${row.requests} req, p50 ${row.p50} ms, p99 ${row.p99} ms, 5xx ${row.serverErrors}, 429 ${row.tooMany}, RSS ${row.rssMinMb}–${row.rssMaxMb} MB, heap ${row.heapMinMb} MB, ${row.cpuUsPerRequest} µs CPU/req, DB ${row.dbMb}+${row.walMb} MB, load ${row.load1}, bookings held ${traffic.bookedNow()}`)
  }
  clearInterval(ticker)
  clearInterval(sampler)
  await Promise.all(pending)
  // Rows again with every exchange that finished after its minute closed (memory and CPU as sampled).
  for (const [m, row] of rows.entries()) rows[m] = minuteRow(m, exchanges[m]!, row)
} finally {
  server.child.kill('SIGTERM')
  tiles.close()
}

// The first minutes are not the server's steady state: in the 30-minute run of 2026-12-04 11:26 its
// RSS rose 138 → 168 MB over minutes 1–4 and then stayed within 2 % to the end.
const warmup = Math.max(1, Number(process.env.SOAK_WARMUP_MIN ?? 3))
const smoke = minutes < warmup + 6
const start = windowOf('start', smoke ? [0] : [warmup, warmup + 1, warmup + 2], rows, exchanges)
const end = windowOf('end', smoke ? [minutes - 1] : [minutes - 3, minutes - 2, minutes - 1], rows, exchanges)
const failures = rows.reduce((sum, r) => sum + r.serverErrors + r.networkErrors, 0)
const report: SoakReport = {
  command: `npx tsx tests/reliability/soak.ts ${minutes}`,
  date: new Date().toISOString(),
  minutes,
  rate,
  settings: [
    `Limits as \`npm start\` has them, behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1; every visitor its own X-Forwarded-For address), except WINDOW_REQUESTS_PER_DAY=0 (the window quota of 200 a day would stop bookings in the first minute).`,
    `Proof-of-work at its default difficulty; map tiles from a local stand-in for the tile server; retention timer at its default.`,
    process.env.SOAK_GC === '1' ? 'SOAK_GC=1: heap read after a forced full GC every 10 s (diagnosis, not the plain run).' : '',
    smoke ? '**Smoke run**: start and end are the first and last minute, no warm-up.' : `Minutes 0–${warmup - 1} are the warm-up, not compared.`,
  ],
  start,
  end,
  rows,
  kinds: perKind(exchanges, start.minutes, end.minutes),
  failures,
}
const markdown = toMarkdown(report)
const resultsDir = join(root, 'tests/reliability/results')
mkdirSync(resultsDir, { recursive: true })
const stamp = report.date.replace(/[:.]/g, '-')
writeFileSync(join(resultsDir, `soak-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`)
writeFileSync(join(resultsDir, `soak-${stamp}.md`), markdown)
console.log(`\n${markdown}\n[soak] written to tests/reliability/results/soak-${stamp}.{json,md}`)
rmSync(dataDir, { recursive: true, force: true })
rmSync(`${dataDir}-windows.json`, { force: true })

const memoryGrowth = growth(start.rssMb, end.rssMb)
const p99Growth = growth(start.p99, end.p99)
process.exitCode = failures > 0 || (!smoke && (memoryGrowth > 10 || p99Growth > 10)) ? 1 : 0
