import type { Deployment } from '../shared/schemas/deployment'

/** What `GET /api/config` publishes: the deployment minus nothing secret (it holds none). */
export function publicConfig(deployment: Deployment) {
  return {
    id: deployment.id,
    name: deployment.name,
    appName: deployment.appName,
    defaultWindowId: deployment.defaultWindowId,
    windows: deployment.windows,
  }
}
