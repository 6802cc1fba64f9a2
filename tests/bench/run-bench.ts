/**
 * `npm run bench`: builds the app when stale, makes sure Chromium is there, then imports every
 * `tests/bench/*-bench.ts` and runs them one after another (never in parallel: they share a noisy
 * machine). A missed target is reported (`ok: false`) but is not a failure; only a crash is.
 * Usage: `npm run bench` or `npm run bench -- home` (only benches whose file name contains "home").
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildIfNeeded } from '../../src/server/build-if-needed'
import type { BenchSection } from './bench-types'
import { machineInfo, toMarkdown, toTable, type BenchResults } from './report'

const root = resolve(import.meta.dirname, '../..')
const benchDir = join(root, 'tests/bench')
const resultsDir = join(benchDir, 'results')
const filters = process.argv.slice(2)

const chromium = spawnSync('npx', ['tsx', 'tests/tools/ensure-chromium.ts'], { cwd: root, stdio: 'inherit' })
if (chromium.status !== 0) process.exit(chromium.status ?? 1)
await buildIfNeeded(root, join(root, 'dist'))

const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('-bench.ts') && name !== 'run-bench.ts')
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort()

const results: BenchResults = { date: new Date().toISOString(), machine: machineInfo(), sections: [], crashed: [] }
const started = performance.now()

for (const file of files) {
  console.log(`\n[bench] ${file}…`)
  const sectionStart = performance.now()
  try {
    const module: { run?: () => Promise<BenchSection> } = await import(pathToFileURL(join(benchDir, file)).href)
    if (typeof module.run !== 'function') throw new Error(`${file} does not export run()`)
    const section = await module.run()
    const seconds = (performance.now() - sectionStart) / 1000
    results.sections.push({ file, seconds, ...section })
    console.log(toTable(section))
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
    console.error(`[bench] ${file} crashed:\n${message}`)
    results.crashed.push({ file, error: message })
  }
}

results.seconds = (performance.now() - started) / 1000
mkdirSync(resultsDir, { recursive: true })
writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
writeFileSync(join(resultsDir, 'latest.md'), toMarkdown(results))

const missed = results.sections.flatMap((section) => section.rows.filter((row) => row.ok === false).map((row) => `${section.title}: ${row.name}`))
console.log(`\n[bench] ${files.length} bench file(s) in ${results.seconds.toFixed(0)} s; results in tests/bench/results/latest.{json,md}`)
if (missed.length > 0) console.log(`[bench] targets missed (reported, not a failure):\n  - ${missed.join('\n  - ')}`)
if (results.crashed.length > 0) {
  console.error(`[bench] crashed: ${results.crashed.map((crash) => crash.file).join(', ')}`)
  process.exit(1)
}
if (files.length === 0) {
  console.error(`[bench] no bench file matched ${filters.join(', ') || '*-bench.ts'}`)
  process.exit(1)
}
