import Dexie, { type EntityTable } from 'dexie'
import { generateRecipientKeyPair } from '@/shared/crypto/window-keys'

/** Apart from the public databases: quick exit on the public side never touches a staff key. */
export const STAFF_DB_NAME = 'tsunagu-staff'

/** One staff key pair per window. The private key is a non-extractable CryptoKey. */
export interface StaffKeyRecord {
  windowId: string
  keyId: string
  publicKey: string
  privateKey: CryptoKey
  createdAt: string
}

class StaffDatabase extends Dexie {
  keys!: EntityTable<StaffKeyRecord, 'windowId'>
  constructor() {
    super(STAFF_DB_NAME)
    this.version(1).stores({ keys: 'windowId' })
  }
}

let db: StaffDatabase | undefined
function staffDb(): StaffDatabase {
  db ??= new StaffDatabase()
  return db
}

export async function staffKeyFor(windowId: string): Promise<StaffKeyRecord | undefined> {
  return staffDb().keys.get(windowId)
}

/** Returns the window's existing key, or makes one: a second tab must not replace a key already sent. */
export async function ensureStaffKey(windowId: string): Promise<StaffKeyRecord> {
  const existing = await staffKeyFor(windowId)
  if (existing) return existing
  const pair = await generateRecipientKeyPair()
  const record: StaffKeyRecord = {
    windowId,
    keyId: pair.keyId,
    publicKey: pair.publicKey,
    privateKey: pair.privateKey,
    createdAt: new Date().toISOString(),
  }
  await staffDb().keys.add(record)
  return record
}
