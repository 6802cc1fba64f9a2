import type { Deployment } from '../shared/schemas/deployment'
import type { RecipientKey } from '../shared/schemas/envelope'
import type { WindowKeyRow } from './store/store'

/**
 * What `GET /api/config` publishes: the deployment (it holds nothing secret) with each window's
 * recipients: the active staff keys from the database and the recovery key from the configuration.
 */
export function publicConfig(deployment: Deployment, staffKeys: readonly WindowKeyRow[] = []) {
  return {
    id: deployment.id,
    name: deployment.name,
    appName: deployment.appName,
    defaultWindowId: deployment.defaultWindowId,
    windows: deployment.windows.map((window) => {
      const recipients: RecipientKey[] = staffKeys
        .filter((k) => k.windowId === window.id)
        .map(({ keyId, kind, publicKey, fingerprint, certificate }) => ({ keyId, kind, publicKey, fingerprint, certificate: certificate ?? null }))
      if (window.recoveryKey) recipients.push({ kind: 'recovery', ...window.recoveryKey })
      return { ...window, recipients }
    }),
  }
}
