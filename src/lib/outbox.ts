import { liveQuery } from 'dexie'
import { useEffect, useState } from 'react'
import { createdRequestSchema, slotTakenSchema, type CreateRequest, type CreatedRequest, type Slot } from '@/shared/schemas/requests'
import { postJson } from './api'
import { getOutboxDb, restoreOutboxEntry, type OutboxEntry } from './db'

export type DeliveryOutcome =
  | { kind: 'delivered'; result: CreatedRequest }
  | { kind: 'pending' }
  | { kind: 'slotTaken'; alternatives: Slot[] }
  | { kind: 'rateLimited' }
  | { kind: 'rejected'; error: string; fields: Array<{ path: string; key: string }> }

/** Written before anything is sent: a crash or a dead network after this line loses nothing. */
export async function enqueue(body: CreateRequest): Promise<void> {
  const entry: OutboxEntry = {
    id: body.requestId,
    lookupId: body.lookupId,
    windowId: body.windowId,
    state: 'pending',
    createdAt: new Date().toISOString(),
    attempts: 0,
    body,
    result: null,
    alternatives: [],
  }
  await getOutboxDb().envelopes.put(entry)
}

export async function readEntry(requestId: string): Promise<OutboxEntry | null> {
  return restoreOutboxEntry(await getOutboxDb().envelopes.get(requestId))
}

export async function findByLookupId(lookupId: string): Promise<OutboxEntry | null> {
  const rows = await getOutboxDb().envelopes.where('lookupId').equals(lookupId).toArray()
  return rows.map(restoreOutboxEntry).find((e) => e !== null) ?? null
}

export async function removeEntry(requestId: string): Promise<void> {
  await getOutboxDb().envelopes.delete(requestId)
}

const inFlight = new Map<string, Promise<DeliveryOutcome>>()

/**
 * Sends one queued request. Safe to call from several triggers at once: calls share one attempt,
 * and the server answers a repeated request id with its first answer, so it is booked exactly once.
 */
export function deliver(requestId: string): Promise<DeliveryOutcome> {
  const running = inFlight.get(requestId)
  if (running) return running
  const attempt = attemptDelivery(requestId).finally(() => inFlight.delete(requestId))
  inFlight.set(requestId, attempt)
  return attempt
}

async function attemptDelivery(requestId: string): Promise<DeliveryOutcome> {
  const db = getOutboxDb()
  const entry = await readEntry(requestId)
  if (!entry) return { kind: 'rejected', error: 'errors.notFound', fields: [] }
  if (entry.state === 'delivered' && entry.result) return { kind: 'delivered', result: entry.result }
  if (!entry.body) return { kind: 'rejected', error: 'errors.notFound', fields: [] }
  await db.envelopes.update(requestId, { attempts: entry.attempts + 1 })
  const answer = await postJson('/api/requests', entry.body)
  if (answer.kind === 'ok') {
    const result = createdRequestSchema.safeParse(answer.body)
    if (!result.success) return { kind: 'pending' }
    // The envelope is no longer needed on this device once the server holds it.
    await db.envelopes.update(requestId, { state: 'delivered', result: result.data, body: null, alternatives: [] })
    return { kind: 'delivered', result: result.data }
  }
  if (answer.kind === 'network' || answer.status >= 500 || answer.status === 408) return { kind: 'pending' }
  if (answer.status === 429) return { kind: 'rateLimited' }
  const taken = slotTakenSchema.safeParse(answer.body)
  if (taken.success) {
    await db.envelopes.update(requestId, { state: 'slotTaken', alternatives: taken.data.alternatives })
    return { kind: 'slotTaken', alternatives: taken.data.alternatives }
  }
  const error = answer.body as { error?: unknown; fields?: unknown } | null
  await db.envelopes.update(requestId, { state: 'rejected' })
  return {
    kind: 'rejected',
    error: typeof error?.error === 'string' ? error.error : 'errors.internal',
    fields: Array.isArray(error?.fields) ? (error.fields as Array<{ path: string; key: string }>) : [],
  }
}

/** Picks another slot for a request that bounced with "slot taken", then sends it again. */
export async function rebook(requestId: string, slotId: string | null): Promise<DeliveryOutcome> {
  const entry = await readEntry(requestId)
  if (!entry?.body) return { kind: 'rejected', error: 'errors.notFound', fields: [] }
  await getOutboxDb().envelopes.update(requestId, { state: 'pending', body: { ...entry.body, slotId }, alternatives: [] })
  return deliver(requestId)
}

export async function deliverPending(): Promise<void> {
  const pending = await getOutboxDb().envelopes.where('state').equals('pending').primaryKeys()
  for (const requestId of pending) await deliver(requestId)
}

let started = false

/** On app start and whenever the browser comes back online, send what is waiting. */
export function startOutboxSync(): void {
  if (started || typeof window === 'undefined') return
  started = true
  window.addEventListener('online', () => void deliverPending().catch(() => undefined))
  void deliverPending().catch(() => undefined)
}

/** Requests still on this device, waiting for the network (for the 「送信待ち」 indicator). */
export function usePendingCount(): number {
  const [count, setCount] = useState(0)
  useEffect(() => {
    const subscription = liveQuery(() => getOutboxDb().envelopes.where('state').equals('pending').count()).subscribe({
      next: setCount,
      error: () => setCount(0),
    })
    return () => subscription.unsubscribe()
  }, [])
  return count
}

/** The outbox entry of one request, kept up to date (e.g. when it is delivered after going online). */
export function useOutboxEntry(requestId: string | null): OutboxEntry | null {
  const [entry, setEntry] = useState<OutboxEntry | null>(null)
  useEffect(() => {
    if (!requestId) return
    const subscription = liveQuery(() => getOutboxDb().envelopes.get(requestId)).subscribe({
      next: (raw) => setEntry(restoreOutboxEntry(raw)),
      error: () => setEntry(null),
    })
    return () => subscription.unsubscribe()
  }, [requestId])
  return entry
}
