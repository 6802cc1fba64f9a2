/**
 * `npm test`: the typecheck, then unit, component and server tests, then the browser tests in
 * Debian's Chromium (installed first when missing). Stops at the first failing stage.
 */
import { spawnSync } from 'node:child_process'

const stages: Array<[label: string, command: string, args: string[]]> = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['chromium', 'npx', ['tsx', 'tests/tools/ensure-chromium.ts']],
  ['unit, component and server tests', 'npx', ['vitest', 'run', '--project', 'unit', '--project', 'server']],
  ['browser tests', 'npx', ['vitest', 'run', '--project', 'browser']],
]

for (const [label, command, args] of stages) {
  console.log(`\n[npm test] ${label}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } })
  if (result.status !== 0) {
    console.error(`\n[npm test] ${label} failed`)
    process.exit(result.status ?? 1)
  }
}
console.log('\n[npm test] all stages passed')
