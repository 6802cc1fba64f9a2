import { deployment } from '@/lib/deployment'
import { importCertificationPrivateJwk, signStaffCertificate } from '@/shared/crypto/staff-certificate'
import type { StaffKeyView } from '@/shared/schemas/staff'
import { staffApi } from '../staff-api'

/**
 * Certifies a colleague's key with the window's certification key, loaded from its file for this
 * moment only: imported non-extractable, used once, and dropped with this function's scope. A file
 * whose key is not the one pinned in this build for the window is refused before anything is signed.
 */
export async function certifyWithFile(windowId: string, key: StaffKeyView, file: File) {
  const parsed = JSON.parse(await file.text()) as { privateJwk?: JsonWebKey; keyId?: string }
  const pinned = deployment.windows.find((w) => w.id === windowId)?.certificationKey
  const pair = await importCertificationPrivateJwk(parsed.privateJwk ?? (parsed as JsonWebKey))
  if (!pinned || pair.keyId !== pinned.keyId) throw Object.assign(new Error('wrong file'), { key: 'badFile' })
  const certificate = await signStaffCertificate(pair.privateKey, { windowId, keyId: key.keyId, publicKey: key.publicKey })
  return staffApi.certify(windowId, key.keyId, certificate)
}
