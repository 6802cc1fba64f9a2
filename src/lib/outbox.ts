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
