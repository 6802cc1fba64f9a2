import type { PublicConfig } from '@/lib/api'
import { deployment } from '@/lib/deployment'
import type { EnvelopeRecipient } from '@/shared/crypto/envelope'
import { trustedRecipients } from '@/shared/crypto/trusted-recipients'

/**
 * The recipients of a window for what the person sends (a request, a follow-up): checked against
 * the keys pinned in this build, never the server's word alone. Empty: online booking is not open.
 */
export async function windowRecipients(config: PublicConfig, windowId: string): Promise<EnvelopeRecipient[]> {
  const pinned = deployment.windows.find((w) => w.id === windowId)
  if (!pinned) return []
  return trustedRecipients(pinned, config.windows.find((w) => w.id === windowId)?.recipients ?? [])
}

/** The ids of the windows that take online requests now, by the same check. */
export async function openWindowIds(config: PublicConfig): Promise<Set<string>> {
  const open = await Promise.all(deployment.windows.map(async (w) => ((await windowRecipients(config, w.id)).length > 0 ? w.id : null)))
  return new Set(open.filter((id): id is string => id !== null))
}
