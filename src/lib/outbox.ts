import { liveQuery } from 'dexie'
import { useEffect, useState } from 'react'
import { getOutboxDb, restoreOutboxEntry, type OutboxEntry } from './db'
import { deliverPending } from './outbox-delivery'

let started = false
let retryDelaysMs: readonly number[] = [15_000, 30_000, 60_000, 120_000, 300_000]
let retryTimer: ReturnType<typeof setTimeout> | undefined
let retries = 0
let delivering = false

/**
 * Sends what is waiting; while something still waits, tries again later (sooner first, then every
 * five minutes). The network can be up while the server is not (a restart, a maintenance window):
 * no `online` event comes then, and the line promises the request goes by itself.
 */
async function deliverAndRetry(): Promise<void> {
  if (delivering) return
  delivering = true
  clearTimeout(retryTimer)
  retryTimer = undefined
  try {
    const waiting = await deliverPending().catch(() => 1)
    if (waiting === 0) {
      retries = 0
      return
    }
    const delay = retryDelaysMs[Math.min(retries++, retryDelaysMs.length - 1)]
    retryTimer = setTimeout(() => void deliverAndRetry(), delay)
  } finally {
    delivering = false
  }
}

/** On app start, whenever the browser comes back online, and again later while requests wait, send them. */
export function startOutboxSync(options: { retryDelaysMs?: readonly number[] } = {}): void {
  if (started || typeof window === 'undefined') return
  started = true
  if (options.retryDelaysMs?.length) retryDelaysMs = options.retryDelaysMs
  window.addEventListener('online', () => {
    retries = 0
    void deliverAndRetry()
  })
  void deliverAndRetry()
}

/** A request joined the outbox after start (its send failed on this page): make sure a retry is coming. */
export function retryOutboxLater(): void {
  if (!started || delivering || retryTimer !== undefined) return
  retryTimer = setTimeout(() => void deliverAndRetry(), retryDelaysMs[0])
}

export interface OutboxSummary {
  pending: number
  /** Bounced in the background (slot taken, rejected): the person must be told and shown the fix. */
  failed: OutboxEntry[]
  /** Delivered while no confirmation was on screen. */
  delivered: OutboxEntry[]
}

/** Requests whose confirmation screen is open: that screen tells of their delivery, nothing else does. */
const onScreen = new Set<string>()

export function showingConfirmation(requestId: string): () => void {
  onScreen.add(requestId)
  return () => onScreen.delete(requestId)
}

/** Everything on this device that the person should hear about, kept up to date. */
export function useOutboxSummary(): OutboxSummary {
  const [summary, setSummary] = useState<OutboxSummary>({ pending: 0, failed: [], delivered: [] })
  useEffect(() => {
    const subscription = liveQuery(() => getOutboxDb().envelopes.toArray()).subscribe({
      next: (rows) => {
        const entries = rows.map(restoreOutboxEntry).filter((e) => e !== null)
        setSummary({
          pending: entries.filter((e) => e.state === 'pending').length,
          failed: entries.filter((e) => e.state === 'slotTaken' || e.state === 'rejected'),
          delivered: entries.filter((e) => e.state === 'delivered' && !onScreen.has(e.id)),
        })
      },
      error: () => setSummary({ pending: 0, failed: [], delivered: [] }),
    })
    return () => subscription.unsubscribe()
  }, [])
  return summary
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
