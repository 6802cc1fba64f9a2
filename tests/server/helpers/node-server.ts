import { readFileSync, writeFileSync } from 'node:fs'
import { startNodeServer } from '../../../src/server/node'
import type { WindowKeyRow } from '../../../src/server/store/store'
import type { Deployment } from '../../../src/shared/schemas/deployment'
import { testDeployment, testStaffKey } from './make-request'

type Env = Parameters<typeof startNodeServer>[0]

/**
 * The real Node server (npm start without the build) with the test deployment: pinned keys, a
 * certified staff key per window, and the proof-of-work at a difficulty of milliseconds (env
 * POW_COST / POW_MAX_COUNTER, as an operator would set them), so tests can send many bookings.
 */
export async function startTestNodeServer(env: Env) {
  const deployment = await testDeployment()
  const server = await startNodeServer({ POW_COST: 10, POW_MAX_COUNTER: 4, ...env }, { deployment })
  for (const window of deployment.windows) await server.store.addWindowKey(await testStaffKey(window.id))
  return server
}

/** For a server in another process (the SIGKILL test): the deployment and staff key rows, as a file. */
export async function writeTestWindows(path: string) {
  const deployment = await testDeployment()
  const keys = await Promise.all(deployment.windows.map((w) => testStaffKey(w.id)))
  writeFileSync(path, JSON.stringify({ deployment, keys }))
}

/** The other process's side of writeTestWindows. */
export async function startNodeServerFromFile(path: string, env: Env) {
  const { deployment, keys } = JSON.parse(readFileSync(path, 'utf8')) as { deployment: Deployment; keys: WindowKeyRow[] }
  const server = await startNodeServer({ POW_COST: 10, POW_MAX_COUNTER: 4, ...env }, { deployment })
  for (const key of keys) await server.store.addWindowKey(key)
  return server
}
