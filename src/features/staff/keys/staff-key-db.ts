import Dexie, { type EntityTable } from 'dexie'
import { generateRecipientKeyPair, type RecipientKeyPair } from '@/shared/crypto/window-keys'

/**
 * The staff member's own ECDH key per window, in a database of its own (`tsunagu-staff`), never in
 * the public app's databases: the private key is a non-extractable CryptoKey, so even this browser's
 * scripts cannot read its bytes. Quick exit on the public side leaves this database alone.
 */
export const STAFF_DB_NAME = 'tsunagu-staff'

interface StoredStaffKey {
  id: string
  memberId: string
  windowId: string
  keyId: string
  publicKey: string
  fingerprint: string
  privateKey: CryptoKey
  publicCryptoKey: CryptoKey
  createdAt: string
}

class StaffKeyDb extends Dexie {
  keys!: EntityTable<StoredStaffKey, 'id'>
  constructor() {
    super(STAFF_DB_NAME)
    this.version(1).stores({ keys: 'id, memberId' })
  }
}

let db: StaffKeyDb | undefined
const open = () => (db ??= new StaffKeyDb())

export async function myKey(memberId: string, windowId: string): Promise<RecipientKeyPair | null> {
  const row = await open().keys.get(`${memberId}:${windowId}`)
  if (!row || !(row.privateKey instanceof CryptoKey)) return null
  return { keyId: row.keyId, publicKey: row.publicKey, fingerprint: row.fingerprint, privateKey: row.privateKey, publicCryptoKey: row.publicCryptoKey }
}

/** This device's key for the window, made on first need. */
export async function ensureMyKey(memberId: string, windowId: string): Promise<RecipientKeyPair> {
  const existing = await myKey(memberId, windowId)
  if (existing) return existing
  const pair = await generateRecipientKeyPair()
  await open().keys.put({ id: `${memberId}:${windowId}`, memberId, windowId, ...pair, createdAt: new Date().toISOString() })
  return pair
}
