import type { PinnedKey } from '../schemas/deployment'
import type { RecipientKey } from '../schemas/envelope'
import type { EnvelopeRecipient } from './envelope'
import { verifyStaffCertificate } from './staff-certificate'
import { keyIdOf } from './window-keys'

export interface PinnedWindow {
  id: string
  recoveryKey: PinnedKey | null
  certificationKey: PinnedKey | null
}

/**
 * Whom the public side seals to (DESIGN §4): the staff keys from /api/config whose certificate
 * verifies against the window's pinned certification key, then always the pinned recovery key.
 * The published list is not trusted: a recovery key or an uncertified key in it is ignored, so a
 * database write or a forged /api/config cannot add a reader. Empty when the window has no pinned
 * keys or no certified staff key: then nothing may be sent online.
 */
export async function trustedRecipients(pinned: PinnedWindow, published: readonly RecipientKey[]): Promise<EnvelopeRecipient[]> {
  const { certificationKey, recoveryKey } = pinned
  if (!certificationKey || !recoveryKey) return []
  if ((await keyIdOf(recoveryKey.publicKey).catch(() => null)) !== recoveryKey.keyId) return []
  const staff: EnvelopeRecipient[] = []
  for (const key of published) {
    if (key.kind !== 'staff' || key.keyId === recoveryKey.keyId || staff.some((s) => s.keyId === key.keyId)) continue
    const claim = { windowId: pinned.id, keyId: key.keyId, publicKey: key.publicKey, certificate: key.certificate }
    if (await verifyStaffCertificate(certificationKey, claim)) staff.push({ keyId: key.keyId, publicKey: key.publicKey })
  }
  if (staff.length === 0) return []
  return [...staff, { keyId: recoveryKey.keyId, publicKey: recoveryKey.publicKey }]
}
