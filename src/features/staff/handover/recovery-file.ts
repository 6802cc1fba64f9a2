import { deployment } from '@/lib/deployment'
import { recipientFromPrivateJwk, type RecipientKeyPair } from '@/shared/crypto/window-keys'

/**
 * The window's recovery key from its file, for one re-seal only: imported non-extractable and
 * dropped with the caller's scope, like the certification key in admin/certify-key.ts. A file whose
 * key is not the recovery key pinned in this build for the window is refused.
 */
export async function loadRecoveryKey(windowId: string, file: File): Promise<RecipientKeyPair> {
  const parsed = JSON.parse(await file.text()) as { privateJwk?: JsonWebKey }
  const pair = await recipientFromPrivateJwk(parsed.privateJwk ?? (parsed as JsonWebKey))
  const pinned = deployment.windows.find((w) => w.id === windowId)?.recoveryKey
  if (!pinned || pair.keyId !== pinned.keyId) throw Object.assign(new Error('wrong file'), { key: 'badFile' })
  return pair
}
