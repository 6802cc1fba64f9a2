// The whole suite (`npm test`), N runs in a row, beside a process that keeps one core busy.
// Run it in a clean clone after `npm ci`: npx tsx tests/reliability/suite-under-load.ts [runs=3] [hogs=1]
// Writes tests/reliability/results/suite-under-load-<time>.md (and each run's log beside it).
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const runs = Number(process.argv[2] ?? 3)
const hogCount = Number(process.argv[3] ?? 1)
const resultsDir = join(import.meta.dirname, 'results')
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
mkdirSync(resultsDir, { recursive: true })

// Pure CPU in a loop (SHA-256 over a buffer), so it competes for a core the way a build or a
// neighbour's test run does, without touching the disk or the network.
const HOG_SOURCE = `const { createHash } = require('node:crypto'); const b = Buffer.alloc(65536, 1); for (;;) createHash('sha256').update(b).digest()`

interface RunResult {
  run: number
  exitCode: number
  seconds: number
  summary: string
  failures: string[]
  loadMean: number
  loadMax: number
}

function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0])
}

function runSuite(run: number): Promise<RunResult> {
  const logFile = join(resultsDir, `suite-under-load-${stamp}-run${run}.log`)
  const log = createWriteStream(logFile)
  const loads: number[] = []
  const sampler = setInterval(() => loads.push(loadAverage()), 10_000)
  const started = performance.now()
  let output = ''
  return new Promise((resolve) => {
    const child = spawn('npm', ['test'], { env: { ...process.env, CI: 'true', FORCE_COLOR: '0' } })
    const take = (chunk: Buffer): void => {
      output += chunk.toString()
      log.write(chunk)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.on('close', (code) => {
      clearInterval(sampler)
      log.end()
      const lines = output.split('\n')
      resolve({
        run,
        exitCode: code ?? 1,
        seconds: Math.round((performance.now() - started) / 1000),
        summary: lines.filter((l) => /^\d+ passed, \d+ failed$/.test(l.trim())).pop()?.trim() ?? '(no summary line)',
        failures: [...new Set(lines.filter((l) => /^\s*(FAIL|×)\s/.test(l)).map((l) => l.trim()))],
        loadMean: loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : loadAverage(),
        loadMax: loads.length ? Math.max(...loads) : loadAverage(),
      })
    })
  })
}

const hogs: ChildProcess[] = Array.from({ length: hogCount }, () => spawn(process.execPath, ['-e', HOG_SOURCE], { stdio: 'ignore' }))
const results: RunResult[] = []
try {
  for (let run = 1; run <= runs; run++) {
    console.log(`[suite-under-load] run ${run} of ${runs} beside ${hogCount} CPU-bound process(es)`)
    const result = await runSuite(run)
    results.push(result)
    console.log(`[suite-under-load] run ${run}: exit ${result.exitCode}, ${result.summary}, ${result.seconds} s, load mean ${result.loadMean.toFixed(1)}`)
  }
} finally {
  for (const hog of hogs) hog.kill('SIGKILL')
}

let commit = ''
try {
  const { execSync } = await import('node:child_process')
  commit = execSync('git rev-parse --short HEAD').toString().trim()
} catch {
  commit = '(not a git checkout)'
}
const report = [
  `### Suite under load, ${new Date().toISOString()}`,
  '',
  `\`npx tsx tests/reliability/suite-under-load.ts ${runs} ${hogCount}\` on ${commit}: \`npm test\` (CI=true) ${runs} times in a row beside ${hogCount} process(es) hashing in a loop (one core each of the machine's ${(await import('node:os')).availableParallelism()}).`,
  '',
  '| run | result | exit | minutes | load average (mean, max) | failed tests |',
  '| --- | --- | --- | ---: | --- | --- |',
  ...results.map(
    (r) =>
      `| ${r.run} | ${r.summary} | ${r.exitCode} | ${(r.seconds / 60).toFixed(1)} | ${r.loadMean.toFixed(1)}, ${r.loadMax.toFixed(1)} | ${r.failures.join('<br>') || '—'} |`,
  ),
  '',
].join('\n')
const reportFile = join(resultsDir, `suite-under-load-${stamp}.md`)
writeFileSync(reportFile, report)
console.log(report)
console.log(`[suite-under-load] written to ${reportFile}`)
process.exitCode = results.every((r) => r.exitCode === 0) ? 0 : 1
