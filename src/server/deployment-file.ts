import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const BUNDLED_DEPLOYMENT = fileURLToPath(new URL('../shared/config/deployment.json', import.meta.url))
/** Written into dist by the build (vite.config.ts): the digest of the deployment file it pinned. */
export const DEPLOYMENT_STAMP = '.deployment-sha256'

/**
 * The deployment file of a build and of the Node server (its windows' recovery and certification
 * keys end up pinned in the bundle): TSUNAGU_DEPLOYMENT, a path relative to the working directory,
 * else the bundled sample. `loadDeployment` in node.ts reads the same variable.
 */
export function deploymentFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.TSUNAGU_DEPLOYMENT ? resolve(env.TSUNAGU_DEPLOYMENT) : BUNDLED_DEPLOYMENT
}

export function deploymentDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}
