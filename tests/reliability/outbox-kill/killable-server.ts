import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, mkdirSync, mkdtempSync, openSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openNodeStore } from '../../../src/server/node'
import { certifiedStaffKey, persistedTestDeployment } from '../../helpers/test-deployment'
import { freePort, LIFTED_LIMITS, root, testDeploymentPath } from '../plaintext/node-run'

export interface KillableServer {
  url: string
  dir: string
  dataDir: string
  log: string
  /** Starts `npm start`'s entry on the same port, data directory and secret file; resolves once it answers. */
  start(): Promise<void>
  /** SIGKILL to the server process itself (no wrapper in between); resolves when it is gone. */
  kill(): Promise<void>
  stop(): Promise<void>
}

/**
 * `npm start`'s own entry (src/server/start.ts) as a child process that can be killed and started
 * again on one SQLite file: a fresh DATA_DIR whose windows each have a staff key certified by the
 * test deployment (what an administrator's certification leaves in the database), the secret file
 * outside it (so proof-of-work challenges signed before a kill stay valid after it), the per-client
 * limits lifted (every client is 127.0.0.1). stdout and stderr go to `log`.
 */
export async function killableServer(): Promise<KillableServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagu-outbox-kill-'))
  const dataDir = join(dir, 'data')
  mkdirSync(dataDir)
  const test = await persistedTestDeployment(join(root, 'node_modules', '.cache', 'tsunagu-test', 'keys.json'), testDeploymentPath)
  const { driver, store } = await openNodeStore(dataDir)
  for (const w of test.deployment.windows) await store.addWindowKey((await certifiedStaffKey(test.keys.get(w.id)!.certification, w.id)).key)
  driver.close()
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const log = join(dir, 'server.log')
  let child: ChildProcess | null = null
  let exited: Promise<void> = Promise.resolve()
  const env = {
    ...process.env,
    ...LIFTED_LIMITS,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DIST_DIR: join(root, 'dist'),
    TSUNAGU_DEPLOYMENT: testDeploymentPath,
    CREDENTIAL_SECRET_FILE: join(dir, 'secrets', 'credential-secret'),
  }
  return {
    url,
    dir,
    dataDir,
    log,
    async start() {
      const out = openSync(log, 'a')
      // node itself with the tsx loader: the tsx CLI would put a wrapper process between the kill and the server.
      const running = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/start.ts')], { cwd: root, env, stdio: ['ignore', out, out] })
      closeSync(out)
      child = running
      exited = new Promise<void>((done) => running.once('exit', () => done()))
      for (let waited = 0; ; waited += 100) {
        if (running.exitCode !== null) throw new Error(`the server exited with ${running.exitCode}; see ${log}`)
        if (waited > 600_000) throw new Error(`the server did not answer within 10 minutes; see ${log}`)
        if ((await fetch(`${url}/api/config`).catch(() => null))?.ok) return
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    async kill() {
      child?.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
