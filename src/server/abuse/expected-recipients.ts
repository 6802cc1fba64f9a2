import { trustedRecipients } from '../../shared/crypto/trusted-recipients'
import type { Deployment } from '../../shared/schemas/deployment'
import type { Envelope } from '../../shared/schemas/envelope'
import type { ReadCache } from './read-cache'
import { publicConfig } from '../public-config'
import type { Store } from '../store/store'

/**
 * The key ids an envelope for a window must be sealed to: exactly what the public form computes from
 * /api/config (staff keys whose certificate verifies against the pinned certification key, plus the
 * pinned recovery key). An envelope of random bytes sealed to no real key then cannot take a slot.
 * Read through the same cache as /api/config, so both always agree.
 */
export function expectedRecipients(deployment: Deployment, reads: ReadCache) {
  return (store: Store, windowId: string): Promise<Set<string>> =>
    reads.get(`recipients:${windowId}`, async () => {
      const config = await reads.get('config', async () => publicConfig(deployment, await store.staffKeys()))
      const window = config.windows.find((w) => w.id === windowId)
      if (!window) return new Set<string>()
      return new Set((await trustedRecipients(window, window.recipients)).map((r) => r.keyId))
    })
}

/** True when the envelope names every expected key once and nothing else (and the window takes requests at all). */
export function sealedToExactly(envelope: Envelope, expected: ReadonlySet<string>): boolean {
  const ids = envelope.recipients.map((r) => r.keyId)
  return expected.size > 0 && ids.length === expected.size && new Set(ids).size === ids.length && ids.every((id) => expected.has(id))
}
