import { join } from 'node:path'
import Database from 'libsql'
import { expect } from 'vitest'
import rawDeployment from '../../../src/shared/config/deployment.json'
import { sealEnvelope } from '../../../src/shared/crypto/envelope'
import { generateReceiptCode } from '../../../src/shared/crypto/receipt-code'
import { deriveReceiptKeys } from '../../../src/shared/crypto/receipt-keys'
import type { Slot } from '../../../src/shared/schemas/requests'
import { postJson } from '../../server/contract/target'

/** A booking made the way the form makes it (receipt, derived keys, sealed envelope), through the real API. */
export async function bookWithReceipt(baseUrl: string, mode: 'video' | 'letter'): Promise<{ receipt: string; requestId: string; slot: Slot | null; replyKey: string }> {
  const slot = mode === 'video' ? ((await (await fetch(`${baseUrl}/api/windows/toshima/slots?mode=video`)).json()) as { slots: Slot[] }).slots[0]! : null
  const receipt = generateReceiptCode()
  const keys = await deriveReceiptKeys(receipt, rawDeployment.id)
  const requestId = crypto.randomUUID()
  const config = (await (await fetch(`${baseUrl}/api/config`)).json()) as { windows: Array<{ id: string; recipients: Array<{ keyId: string; kind: string; publicKey: string; certificate?: unknown }> }> }
  // What the form seals to: the certified staff keys and the recovery key (the server wants exactly those).
  const recipients = config.windows
    .find((w) => w.id === 'toshima')!
    .recipients.filter((r) => r.kind === 'recovery' || r.certificate)
    .map(({ keyId, publicKey }) => ({ keyId, publicKey }))
  const envelope = await sealEnvelope({ requestId, windowId: 'toshima', kind: 'request', messageId: requestId, payload: { v: 1, nickname: 'そら', replyKey: keys.replyKeyRaw }, recipients })
  const body = { requestId, windowId: 'toshima', mode, slotId: slot?.id ?? null, lookupId: keys.lookupId, authHash: keys.authHash, envelope }
  const answer = await postJson({ fetch: (path, init) => fetch(`${baseUrl}${path}`, init) }, '/api/requests', body)
  expect(answer.status).toBe(201)
  return { receipt, requestId, slot, replyKey: keys.replyKeyRaw }
}

/** Writes straight into the server's SQLite file, standing in for staff work whose pages are not built yet. */
export function writeDatabase(dataDir: string, sqlText: string, ...args: Array<string | null>): void {
  const db = new Database(join(dataDir, 'tsunagu.sqlite'))
  db.prepare(sqlText).run(...args)
  db.close()
}
