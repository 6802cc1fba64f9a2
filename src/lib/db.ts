import Dexie, { type EntityTable } from 'dexie'
import { z } from 'zod'
import { createRequestSchema, createdRequestSchema, slotSchema } from '@/shared/schemas/requests'

import { DRAFTS_DB_NAME, OUTBOX_DB_NAME, OUTBOX_STORE } from './outbox-names'
import { announceOutboxOpened } from './outbox-presence'

export { DRAFTS_DB_NAME, OUTBOX_DB_NAME }

export const outboxStates = ['pending', 'delivered', 'slotTaken', 'rejected'] as const

/**
 * One request on its way to the server. `body` is exactly what is POSTed: routing fields and the
 * encrypted envelope, never plaintext. After delivery the body is dropped; the answer stays, so the
 * status page can tell "sent" from "still waiting".
 */
export const outboxEntrySchema = z.object({
  /** The request id (also the server's idempotency key). */
  id: z.string(),
  lookupId: z.string(),
  windowId: z.string(),
  state: z.enum(outboxStates),
  createdAt: z.string(),
  attempts: z.number().int().min(0).default(0),
  body: createRequestSchema.nullable(),
  result: createdRequestSchema.nullable().default(null),
  alternatives: z.array(slotSchema).default([]),
})
export type OutboxEntry = z.infer<typeof outboxEntrySchema>

export class OutboxDb extends Dexie {
  envelopes!: EntityTable<OutboxEntry, 'id'>

  constructor() {
    super(OUTBOX_DB_NAME)
    this.version(1).stores({ [OUTBOX_STORE]: 'id, lookupId, state' })
  }
}

export interface DraftRecord {
  id: 'current'
  savedAt: string
  answers: unknown
}

export class DraftsDb extends Dexie {
  drafts!: EntityTable<DraftRecord, 'id'>

  constructor() {
    super(DRAFTS_DB_NAME)
    this.version(1).stores({ drafts: 'id' })
  }
}

let outboxDb: OutboxDb | null = null
let draftsDb: DraftsDb | null = null

export function getOutboxDb(): OutboxDb {
  if (!outboxDb) {
    outboxDb = new OutboxDb()
    announceOutboxOpened()
  }
  return outboxDb
}

export function getDraftsDb(): DraftsDb {
  draftsDb ??= new DraftsDb()
  return draftsDb
}

/** Older app versions or a damaged store may hold anything: read through the schema, skip what fails. */
export function restoreOutboxEntry(raw: unknown): OutboxEntry | null {
  const parsed = outboxEntrySchema.safeParse(raw)
  return parsed.success ? parsed.data : null
}
