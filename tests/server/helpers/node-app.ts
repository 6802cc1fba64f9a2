import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../../src/server/app'
import type { RateLimiter } from '../../../src/server/http/rate-limit'
import type { Deployment } from '../../../src/shared/schemas/deployment'
import { loadDeployment, openNodeStore } from '../../../src/server/node'
import { ensureSlots } from '../../../src/server/slots/ensure-slots'
import type { ApiTarget } from '../contract/target'
import { testStaffKey } from './make-request'

/** The app in-process over a real SQLite file in a fresh temporary DATA_DIR, migrated and with 3 weeks of slots. */
export async function startNodeApp(options: { rateLimiter?: RateLimiter | null; deployment?: Deployment; now?: () => Date } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-server-'))
  const deployment = options.deployment ?? loadDeployment()
  const { driver, store } = await openNodeStore(dataDir)
  await ensureSlots(store, deployment, 3)
  await store.addWindowKey(await testStaffKey('toshima'))
  const app = createApp({ deployment, getStore: () => store, rateLimiter: options.rateLimiter ?? null, now: options.now })
  const target: ApiTarget = { fetch: async (path, init) => app.request(path, init) }
  return {
    app,
    target,
    store,
    driver,
    dataDir,
    close() {
      driver.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
