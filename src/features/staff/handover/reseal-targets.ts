import { deployment } from '@/lib/deployment'
import { verifyStaffCertificate } from '@/shared/crypto/staff-certificate'
import type { ResealTarget } from '@/shared/schemas/handover'
import { handoverApi } from './handover-api'

/** The window's certified colleagues, each certificate checked against the key pinned in this build. */
export async function verifiedTargets(windowId: string): Promise<ResealTarget[]> {
  const pinned = deployment.windows.find((w) => w.id === windowId)?.certificationKey
  if (!pinned) return []
  const { keys } = await handoverApi.targets(windowId)
  const checked = await Promise.all(keys.map(async (k) => ((await verifyStaffCertificate(pinned, { windowId, keyId: k.keyId, publicKey: k.publicKey, certificate: k.certificate })) ? k : null)))
  return checked.filter((k): k is ResealTarget => k !== null)
}
