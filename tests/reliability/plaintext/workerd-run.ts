import { execFile } from 'node:child_process'
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { certifiedStaffKey, persistedTestDeployment } from '../../helpers/test-deployment'
import { startWorkerd } from '../../server/helpers/workerd'
import { root, testDeploymentPath } from './node-run'

export interface WorkerdRun {
  url: string
  /** wrangler's local state: the D1 database as miniflare keeps it (SQLite files). */
  persist: string
  dir: string
  /** Everything this process printed while workerd ran (wrangler's and the worker's output), kept off the terminal. */
  log: string
  /** `wrangler d1 export DB --local`: the whole database as SQL, written to `<dir>/d1-export.sql`. */
  exportD1(): Promise<{ file: string; command: string }>
  /** Stops workerd and removes its state; `dir` (log, export) stays for the caller to scan and remove. */
  close(): Promise<void>
}

/** Sends whatever this process writes to stdout and stderr into `file` instead, until the returned undo. */
function captureOutput(file: string): () => void {
  const streams = [process.stdout, process.stderr]
  const originals = streams.map((s) => s.write.bind(s))
  for (const stream of streams) {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      appendFileSync(file, chunk)
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined
      done?.()
      return true
    }) as typeof stream.write
  }
  return () => streams.forEach((stream, i) => (stream.write = originals[i]!))
}

/**
 * The Workers build in the real workerd runtime with a local D1 (as tests/server/workerd-contract
 * runs it), serving the built app from dist with the deployment the app pins and a certified staff
 * key per window. Per-client limits lifted (rate-limit bindings and daily caps), as on Node.
 */
export async function startWorkerdRun(): Promise<WorkerdRun> {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-plaintext-workerd-'))
  const log = join(dir, 'workerd.log')
  const test = await persistedTestDeployment(join(root, 'node_modules/.cache/tsunagu-test/keys.json'), testDeploymentPath)
  const keys = await Promise.all(test.deployment.windows.map(async (w) => (await certifiedStaffKey(test.keys.get(w.id)!.certification, w.id)).key))
  const untee = captureOutput(log)
  let workerd: Awaited<ReturnType<typeof startWorkerd>>
  try {
    workerd = await startWorkerd({
      rateLimitPerMinute: 100_000,
      windows: { deployment: test.deployment, keys },
      assets: join(root, 'dist'),
      logLevel: 'log',
      vars: { WINDOW_REQUESTS_PER_DAY: '0' },
    })
  } catch (error) {
    untee()
    throw error
  }
  return {
    url: workerd.origin,
    persist: workerd.persist,
    dir,
    log,
    async exportD1() {
      // `d1 export --local` has no --persist-to: it reads <config dir>/.wrangler/state. A config with
      // the same D1 binding (same database_id, so the same local file) next to a link to our state.
      const configDir = join(dir, 'export-config')
      mkdirSync(join(configDir, '.wrangler'), { recursive: true })
      symlinkSync(workerd.persist, join(configDir, '.wrangler', 'state'))
      const d1 = (JSON.parse(readFileSync(join(root, 'src/server/wrangler.jsonc'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { d1_databases: unknown[] }).d1_databases
      writeFileSync(join(configDir, 'wrangler.json'), JSON.stringify({ name: 'tsunagu', compatibility_date: '2026-04-20', d1_databases: d1 }))
      const file = join(dir, 'd1-export.sql')
      const args = ['d1', 'export', 'DB', '--local', '--config', join(configDir, 'wrangler.json'), '--output', file]
      const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1' }
      const { stdout, stderr } = await promisify(execFile)(join(root, 'node_modules/.bin/wrangler'), args, { cwd: configDir, env, timeout: 120_000 })
      appendFileSync(log, stdout + stderr)
      return { file, command: 'wrangler d1 export DB --local --output d1-export.sql' }
    },
    async close() {
      try {
        await workerd.close()
      } finally {
        untee()
      }
    },
  }
}
