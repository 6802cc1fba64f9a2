/**
 * Whether the outbox code (Dexie, the request schemas) is needed on this page at all. Most visits
 * never book, so the shell asks the browser for the database list instead of opening the database:
 * opening it would load a third of the home page's JavaScript and create an empty database.
 */
import { OUTBOX_DB_NAME } from './outbox-names'

export const OUTBOX_OPENED_EVENT = 'tsunagu:outbox-opened'

export async function outboxMayHoldEntries(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false
  // Browsers without databases() (Firefox before 126) cannot tell: load the outbox to be safe.
  if (typeof indexedDB.databases !== 'function') return true
  try {
    const databases = await indexedDB.databases()
    return databases.some((database) => database.name === OUTBOX_DB_NAME)
  } catch {
    return true
  }
}

/** Called when a page opens the outbox, so the shell starts showing 「送信待ち」 and delivering. */
export function announceOutboxOpened(): void {
  // Pages listen for it; the service worker, which also opens the outbox, has nobody to tell.
  if ('document' in globalThis) globalThis.dispatchEvent(new Event(OUTBOX_OPENED_EVENT))
}
