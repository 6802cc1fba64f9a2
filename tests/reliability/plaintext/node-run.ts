import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'libsql'
import { openNodeStore } from '../../../src/server/node'
import { DATABASE_FILE } from '../../../src/server/store/libsql-driver'
import { certifiedStaffKey, persistedTestDeployment } from '../../helpers/test-deployment'

export const root = resolve(import.meta.dirname, '../../..')
/** The test deployment the browser tests build the app with (tests/browser/global-setup.ts): same keys, no rebuild. */
const cache = join(root, 'node_modules', '.cache', 'tsunagu-test')
export const testDeploymentPath = join(cache, 'deployment.json')

/**
 * Limits lifted for one client sending hundreds of requests (all from 127.0.0.1). Each is the
 * operator's env setting of src/server/env.ts; nothing else is changed, the proof-of-work included.
 */
export const LIFTED_LIMITS = {
  RATE_LIMIT_PER_MINUTE: '100000',
  BOOKING_LIMIT_PER_MINUTE: '100000',
  LOOKUP_LIMIT_PER_MINUTE: '100000',
  METRICS_LIMIT_PER_MINUTE: '100000',
  SLOT_BOOKINGS_PER_DAY: '100000',
  REQUESTS_PER_DAY: '100000',
  FOLLOW_UPS_PER_DAY: '100000',
  WINDOW_REQUESTS_PER_DAY: '0',
}

/** A port nobody listens on now, for a server that must come back on the same one. */
export const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => done(port))
    })
  })

export interface NodeRun {
  url: string
  dir: string
  dataDir: string
  log: string
  stop(): Promise<void>
}

/**
 * `npm start`'s own entry (src/server/start.ts) in a child process, on a fresh DATA_DIR whose
 * windows each have a staff key certified by the test deployment's certification key (what an
 * administrator's certification leaves in the database). stdout and stderr go to `log`.
 */
export async function startNodeRun(): Promise<NodeRun> {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-plaintext-'))
  const dataDir = join(dir, 'data')
  mkdirSync(dataDir)
  const test = await persistedTestDeployment(join(cache, 'keys.json'), testDeploymentPath)
  const { driver, store } = await openNodeStore(dataDir)
  for (const w of test.deployment.windows) await store.addWindowKey((await certifiedStaffKey(test.keys.get(w.id)!.certification, w.id)).key)
  driver.close()
  const port = await freePort()
  const log = join(dir, 'server.log')
  const out = openSync(log, 'a')
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/start.ts')], {
    cwd: root,
    env: {
      ...process.env,
      ...LIFTED_LIMITS,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: join(root, 'dist'),
      TSUNAGU_DEPLOYMENT: testDeploymentPath,
      CREDENTIAL_SECRET_FILE: join(dir, 'secrets', 'credential-secret'),
    },
    stdio: ['ignore', out, out],
  })
  closeSync(out)
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const url = `http://127.0.0.1:${port}`
  // start.ts builds dist first when it is stale (minutes on a busy machine).
  for (let waited = 0; ; waited += 250) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}; see ${log}`)
    if (waited > 600_000) throw new Error(`the server did not answer within 10 minutes; see ${log}`)
    if ((await fetch(`${url}/api/config`).catch(() => null))?.ok) break
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    url,
    dir,
    dataDir,
    log,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

export const databaseFiles = (dataDir: string) => ['', '-wal', '-shm'].map((s) => join(dataDir, `${DATABASE_FILE}${s}`)).filter(existsSync)

/**
 * The backup the README documents: `sqlite3 data/tsunagu.sqlite ".backup backup.sqlite"` (SQLite's
 * online backup, safe while the server runs). Without the sqlite3 CLI, the same copy through libsql
 * (`VACUUM INTO`); the answer says which ran.
 */
export function backupDatabase(dataDir: string, target: string): string {
  const source = join(dataDir, DATABASE_FILE)
  try {
    execFileSync('sqlite3', [source, `.backup ${target}`], { stdio: 'pipe' })
    return `sqlite3 ${DATABASE_FILE} ".backup backup.sqlite"`
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    const db = new Database(source)
    db.prepare('VACUUM INTO ?').run([target])
    db.close()
    return `VACUUM INTO (libsql; no sqlite3 CLI here)`
  }
}

/** Rows the requests left, read from the file itself: the scan must not pass on an empty database. */
export function countRows(file: string, requestIds: string[]): { requests: number; found: number; messages: number } {
  const db = new Database(file, { readonly: true })
  const count = (text: string, ...args: string[]) => (db.prepare(text).get(args) as { n: number }).n
  const found = requestIds.filter((id) => count('SELECT count(*) AS n FROM requests WHERE request_id = ?', id) === 1).length
  const rows = { requests: count('SELECT count(*) AS n FROM requests'), found, messages: count('SELECT count(*) AS n FROM messages') }
  db.close()
  return rows
}
