import { serve, type ServerType } from '@hono/node-server'
import { mkdirSync } from 'node:fs'
import rawDeployment from '../shared/config/deployment.json' with { type: 'json' }
import { deploymentSchema, tileOrigin } from '../shared/schemas/deployment'
import { createApp } from './app'
import type { ServerEnv } from './env'
import { mountStaticFiles } from './static-files'

export interface RunningServer {
  url: string
  close: () => Promise<void>
}

export async function startNodeServer(env: ServerEnv): Promise<RunningServer> {
  mkdirSync(env.DATA_DIR, { recursive: true })
  const deployment = deploymentSchema.parse(rawDeployment)
  const app = createApp({ deployment, imageOrigins: [tileOrigin(deployment.map)] })
  mountStaticFiles(app, env.DIST_DIR)
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => resolve(s))
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : env.PORT
  return {
    url: `http://${env.HOST}:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}
