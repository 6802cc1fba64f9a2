import { serve, type ServerType } from '@hono/node-server'
import { hash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import rawDeployment from '../shared/config/deployment.json' with { type: 'json' }
import { deploymentSchema, type Deployment } from '../shared/schemas/deployment'
import { createApp } from './app'
import type { ServerEnv } from './env'
import { nodeCredentialHasher, type CredentialSecretEnv } from './abuse/node-credential-secret'
import { nodeRateLimiter, type LimitEnv } from './abuse/node-limiter'
import { ensureSlots } from './slots/ensure-slots'
import { openLibsqlDriver, type LibsqlDriver } from './store/libsql-driver'
import { migrate } from './store/migrate'
import { createSqlStore, type Store } from './store/store'
import { mountStaticFiles } from './static-files'
import { mountNodeTileProxy } from './tiles/node-tiles'

export interface RunningServer {
  url: string
  store: Store
  close: () => Promise<void>
}

/** Node's synchronous one-shot hash: WebCrypto's digest goes through a job queue that costs more than the hash. */
export const nodeSha256 = (data: Uint8Array | string) => new Uint8Array(hash('sha256', data, 'buffer'))

/**
 * The deployment this server runs: the file named by TSUNAGU_DEPLOYMENT (as for the build, see
 * vite.config.ts), else the bundled src/shared/config/deployment.json.
 */
export function loadDeployment(path = process.env.TSUNAGU_DEPLOYMENT): Deployment {
  if (!path) return deploymentSchema.parse(rawDeployment)
  return deploymentSchema.parse(JSON.parse(readFileSync(resolve(path), 'utf8')))
}

/** Opens `<DATA_DIR>/tsunagu.sqlite` (created if missing), applies pending migrations and returns the store. */
export async function openNodeStore(dataDir: string): Promise<{ driver: LibsqlDriver; store: Store }> {
  const driver = await openLibsqlDriver(dataDir)
  await migrate(driver)
  return { driver, store: createSqlStore(driver) }
}

type NodeServerEnv = Omit<ServerEnv, keyof LimitEnv | keyof CredentialSecretEnv | 'SLOT_WEEKS'> &
  LimitEnv &
  CredentialSecretEnv &
  Partial<Pick<ServerEnv, 'SLOT_WEEKS'>>

export async function startNodeServer(env: NodeServerEnv): Promise<RunningServer> {
  const credentials = nodeCredentialHasher(env, env.DATA_DIR) ?? undefined
  const deployment = loadDeployment()
  const { driver, store } = await openNodeStore(env.DATA_DIR)
  const upkeep = async () => {
    // SLOT_WEEKS=0 turns generation off; otherwise each mode's horizon decides how far ahead.
    if ((env.SLOT_WEEKS ?? 3) > 0) await ensureSlots(store, deployment)
    await store.purgeExpired(new Date().toISOString())
  }
  await upkeep()
  // A server that runs for weeks keeps slots ahead and deletes expired requests, as the Workers cron does.
  const daily = setInterval(() => {
    upkeep().catch((error: unknown) => console.error(`[tsunagu] daily upkeep failed: ${(error as Error).name}`))
  }, 6 * 60 * 60 * 1000)
  daily.unref()
  const rateLimiter = nodeRateLimiter(env)
  const app = createApp({
    deployment,
    getStore: () => store,
    rateLimiter,
    sha256: nodeSha256,
    credentials,
    publicOrigin: env.PUBLIC_ORIGIN,
  })
  mountNodeTileProxy(app, deployment, env)
  mountStaticFiles(app, env.DIST_DIR)
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => resolve(s))
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : env.PORT
  return {
    url: `http://${env.HOST}:${port}`,
    store,
    close: async () => {
      clearInterval(daily)
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
      driver.close()
    },
  }
}
