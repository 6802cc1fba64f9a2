/**
 * `npm test`: the typecheck, then unit, component and server tests, then the browser tests in
 * Debian's Chromium (installed first when missing). Stops at the first failing stage and ends with
 * one plain line, "N passed, N failed", that CI reads.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const reports = mkdtempSync(join(tmpdir(), 'tsunagu-test-'))
const vitest = (name: string, projects: string[]) => [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(reports, `${name}.json`)}`,
]

const stages: Array<{ label: string; args: string[]; report?: string }> = [
  { label: 'typecheck', args: ['npm', 'run', '--silent', 'typecheck'] },
  { label: 'chromium', args: ['tsx', 'tests/tools/ensure-chromium.ts'] },
  { label: 'unit, component and server tests', args: vitest('unit', ['unit', 'server']), report: 'unit' },
  { label: 'browser tests', args: vitest('browser', ['browser']), report: 'browser' },
]

let passed = 0
let failed = 0
function count(report: string): void {
  const file = join(reports, `${report}.json`)
  if (!existsSync(file)) return
  const result = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number }
  passed += result.numPassedTests
  failed += result.numFailedTests
}

for (const stage of stages) {
  console.log(`\n[npm test] ${stage.label}`)
  const [command, ...args] = stage.args[0] === 'npm' ? stage.args : ['npx', ...stage.args]
  const result = spawnSync(command as string, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } })
  if (stage.report) count(stage.report)
  if (result.status !== 0) {
    console.error(`\n[npm test] ${stage.label} failed`)
    console.log(`${passed} passed, ${Math.max(failed, 1)} failed`)
    process.exit(result.status ?? 1)
  }
}
console.log('\n[npm test] all stages passed')
console.log(`${passed} passed, ${failed} failed`)
