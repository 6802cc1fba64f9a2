import { createdRequestSchema, slotTakenSchema, type CreateRequest, type CreatedRequest, type Slot } from '@/shared/schemas/requests'
import { postJson, type ApiResult } from './api'
import { getOutboxDb, restoreOutboxEntry, type OutboxEntry } from './db'
import { OUTBOX_SYNC_TAG } from './outbox-names'

/**
 * Delivery of queued requests, shared by the pages and the service worker (Background Sync), so a
 * request is sent the same way whoever wakes up first. No React and no DOM here.
 */

export type DeliveryOutcome =
  | { kind: 'delivered'; result: CreatedRequest }
  | { kind: 'pending' }
  | { kind: 'slotTaken'; alternatives: Slot[] }
  /** 429: the per-minute limit (`errors.tooManyRequests`), the client's day (`errors.dailyLimit`) or the window's day (`errors.windowFull`). */
  | { kind: 'rateLimited'; error?: string }
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

const RETRY_PROOF = new Set(['errors.proofExpired', 'errors.proofUsed'])
const errorOf = (body: unknown) => ((body as { error?: unknown } | null)?.error as string | undefined) ?? ''

/**
 * Posts the queued body; a booking with a time first gets a solved proof-of-work, fresh for each
 * attempt and never stored in the outbox (the solver loads only then).
 */
async function post(body: CreateRequest): Promise<ApiResult | 'pending' | 'rateLimited'> {
  if (body.slotId === null) return postJson('/api/requests', body)
  const { solvedProof } = await import('./proof-of-work')
  const proof = await solvedProof()
  if (proof.kind !== 'ok') return proof.kind
  return postJson('/api/requests', { ...body, proof: proof.proof })
}

/**
 * Sends one queued request. Safe to call from several triggers at once: calls in one page share one
 * attempt, and pages and the service worker take turns through a Web Lock, so the one that comes
 * second finds the request delivered and sends nothing. Without Web Locks, the server still answers
 * a repeated request id with its first answer, so it is booked exactly once.
 */
export function deliver(requestId: string): Promise<DeliveryOutcome> {
  const running = inFlight.get(requestId)
  if (running) return running
  const locks = globalThis.navigator?.locks
  const locked = locks ? locks.request(`${OUTBOX_SYNC_TAG}:${requestId}`, () => attemptDelivery(requestId)) : attemptDelivery(requestId)
  const attempt = locked.finally(() => inFlight.delete(requestId))
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
  let answer = await post(entry.body)
  // The challenge expired while this device waited, or a parallel attempt used it: once more, fresh.
  if (answer !== 'pending' && answer !== 'rateLimited' && answer.kind === 'http' && RETRY_PROOF.has(errorOf(answer.body))) answer = await post(entry.body)
  if (answer === 'pending') return { kind: 'pending' }
  if (answer === 'rateLimited') return { kind: 'rateLimited', error: 'errors.tooManyRequests' }
  if (answer.kind === 'ok') {
    const result = createdRequestSchema.safeParse(answer.body)
    if (!result.success) return { kind: 'pending' }
    // The envelope is no longer needed on this device once the server holds it.
    await db.envelopes.update(requestId, { state: 'delivered', result: result.data, body: null, alternatives: [] })
    return { kind: 'delivered', result: result.data }
  }
  if (answer.kind === 'network' || answer.status >= 500 || answer.status === 408) return { kind: 'pending' }
  if (answer.status === 429) return { kind: 'rateLimited', error: errorOf(answer.body) }
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

/** Sends everything still waiting; answers how many requests are still waiting for the network. */
export async function deliverPending(): Promise<number> {
  const pending = await getOutboxDb().envelopes.where('state').equals('pending').primaryKeys()
  let waiting = 0
  for (const requestId of pending) {
    const outcome = await deliver(requestId)
    if (outcome.kind === 'pending' || outcome.kind === 'rateLimited') waiting++
  }
  return waiting
}

/**
 * Asks the browser to wake the service worker when the network is back, even if no page of the app
 * is open then (Background Sync; Chromium-based browsers only). Elsewhere the pages deliver on
 * `online` and on every start.
 */
export async function requestBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return
  try {
    const registration = (await navigator.serviceWorker.getRegistration()) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined
    await registration?.sync?.register(OUTBOX_SYNC_TAG)
  } catch {
    // Not supported, or the permission is blocked: delivery on `online` and on start still works.
  }
}
