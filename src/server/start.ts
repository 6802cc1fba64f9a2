import { resolve } from 'node:path'
import { buildIfNeeded } from './build-if-needed'
import { readServerEnv } from './env'
import { startNodeServer } from './node'

const env = readServerEnv()
const root = resolve(import.meta.dirname, '../..')
const distDir = resolve(root, env.DIST_DIR)
await buildIfNeeded(root, distDir)
const server = await startNodeServer({
  ...env,
  DIST_DIR: distDir,
  DATA_DIR: resolve(root, env.DATA_DIR),
  CREDENTIAL_SECRET_FILE: resolve(root, env.CREDENTIAL_SECRET_FILE),
})
console.log(`[tsunagu] serving on ${server.url}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0))
  })
}
