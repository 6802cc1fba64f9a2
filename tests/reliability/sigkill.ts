// Steady bookings while the Node server is killed with SIGKILL at random moments and restarted:
// every request that got a 201 must be in the database afterwards, and PRAGMA integrity_check ok.
// Full run: npx tsx tests/reliability/sigkill.ts [kills=20]; CI: tests/server/sigkill.test.ts (3 kills).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openLibsqlDriver } from '../../src/server/store/libsql-driver'
import { sql } from '../../src/server/store/sql-driver'
import { postJson } from '../server/contract/target'
import { makeBooking } from '../server/helpers/make-request'
import { writeTestWindows } from '../server/helpers/node-server'

const root = resolve(import.meta.dirname, '../..')
const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => done(port))
    })
  })

async function start(dataDir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const windows = `${dataDir}-windows.json`
  await writeTestWindows(windows)
  // node itself with the tsx loader (the tsx CLI would put a wrapper process between the kill and the server).
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests/reliability/kill-child.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), TEST_WINDOWS: windows },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let errors = ''
  child.stderr!.on('data', (chunk: Buffer) => (errors += String(chunk)))
  return new Promise((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /ready (\S+)/.exec(String(chunk))
      if (match) done({ child, url: match[1]! })
    })
    child.once('exit', (code) => fail(new Error(`server exited ${code}: ${errors.slice(-500)}`)))
  })
}

export interface KillResult {
  kills: number
  acknowledged: number
  missing: number
  serverErrors: number
  integrity: string
}

export async function killUnderLoad(kills: number, clients = 8): Promise<KillResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-kill-'))
  const port = await freePort()
  const acknowledged: string[] = []
  let serverErrors = 0
  try {
    for (let k = 0; k <= kills; k++) {
      const { child, url } = await start(dataDir, port)
      const target = { fetch: (path: string, init?: RequestInit) => fetch(`${url}${path}`, init) }
      let running = true
      const load = Array.from({ length: clients }, async () => {
        while (running) {
          const booking = await makeBooking()
          try {
            const response = await postJson(target, '/api/requests', booking.body)
            await response.body?.cancel()
            if (response.status === 201) acknowledged.push(booking.requestId)
            else if (response.status >= 500) serverErrors++
          } catch {
            // The connection died with the server: not acknowledged, so the client's outbox would retry.
          }
        }
      })
      if (k === kills) {
        await new Promise((r) => setTimeout(r, 300))
        running = false
        await Promise.all(load)
        child.kill('SIGTERM')
        await new Promise((r) => child.once('exit', r))
        break
      }
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 800))
      child.removeAllListeners('exit')
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGKILL')
      await exited
      running = false
      await Promise.all(load)
    }
    const driver = await openLibsqlDriver(dataDir)
    const stored = new Set((await driver.all(sql('SELECT request_id FROM requests'))).map((r) => String(r.request_id)))
    const [check] = await driver.all(sql('PRAGMA integrity_check'))
    driver.close()
    return { kills, acknowledged: acknowledged.length, missing: acknowledged.filter((id) => !stored.has(id)).length, serverErrors, integrity: String(Object.values(check ?? {})[0]) }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(`${dataDir}-windows.json`, { force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await killUnderLoad(Number(process.argv[2] ?? 20))
  console.log(`SIGKILL × ${result.kills} under steady booking load: ${result.acknowledged} × 201, ${result.missing} missing after restart, ${result.serverErrors} × 5xx, integrity_check ${result.integrity}`)
  process.exitCode = result.missing === 0 && result.integrity === 'ok' ? 0 : 1
}
