import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { credentialHasher } from '../../src/server/abuse/credential-hash'
import { createApp } from '../../src/server/app'
import type { RateLimiter } from '../../src/server/http/rate-limit'
import { loadDeployment, openNodeStore } from '../../src/server/node'
import { ensureSlots } from '../../src/server/slots/ensure-slots'
import type { WindowKeyRow } from '../../src/server/store/store'
import type { Deployment } from '../../src/shared/schemas/deployment'

export interface TestAppOptions {
  deployment?: Deployment
  rateLimiter?: RateLimiter | null
  now?: () => Date
  /** Key rows put into the store before the first request (staff keys, certified or not). */
  keys?: WindowKeyRow[]
}

/**
 * The one test server: the real Hono app over a real SQLite file in a fresh temporary DATA_DIR,
 * migrated, with each mode's slots up to its horizon and a fixed credential secret. Server tests call it through
 * `app.request`, component tests through a stubbed `fetch`; both get the same app.
 */
export async function startTestApp(options: TestAppOptions = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-test-app-'))
  const deployment = options.deployment ?? loadDeployment()
  const { driver, store } = await openNodeStore(dataDir)
  await ensureSlots(store, deployment, options.now?.() ?? new Date())
  for (const key of options.keys ?? []) await store.addWindowKey(key)
  const credentials = credentialHasher({ current: 'test-app-credential-secret-0123456789abcdef' })
  const app = createApp({ deployment, getStore: () => store, rateLimiter: options.rateLimiter ?? null, now: options.now, credentials })
  return {
    app,
    store,
    driver,
    dataDir,
    deployment,
    credentials,
    /** The stored request of a receipt's lookup id (the database holds only its keyed hash). */
    async findByLookup(lookupId: string) {
      const [candidate] = await credentials.candidates(lookupId)
      return store.findByLookup(candidate!.lookupId)
    },
    close() {
      driver.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
