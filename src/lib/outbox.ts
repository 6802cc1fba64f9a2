import { liveQuery } from 'dexie'
import { useEffect, useState } from 'react'
import { getOutboxDb, restoreOutboxEntry, type OutboxEntry } from './db'
import { deliverPending } from './outbox-delivery'

let started = false

/** On app start and whenever the browser comes back online, send what is waiting. */
export function startOutboxSync(): void {
  if (started || typeof window === 'undefined') return
  started = true
  window.addEventListener('online', () => void deliverPending().catch(() => undefined))
  void deliverPending().catch(() => undefined)
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
