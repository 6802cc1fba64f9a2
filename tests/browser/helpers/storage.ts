import type { Page } from 'playwright-core'

export const OUTBOX_DB = 'tsunagu-outbox'

/**
 * Stores something in every kind of storage the app could use: a Dexie-style database (Dexie
 * stores version n as n×10), a raw IndexedDB database, the outbox (an undelivered encrypted
 * envelope and a delivered one), a staff member's keys, localStorage, sessionStorage and a runtime cache.
 */
export async function fillDeviceStorage(page: Page): Promise<void> {
  await page.evaluate(async (outbox) => {
    function put(name: string, version: number, store: string, value: Record<string, unknown>): Promise<void> {
      return new Promise((resolve, reject) => {
        const open = indexedDB.open(name, version)
        open.onupgradeneeded = () => open.result.createObjectStore(store, { keyPath: 'id' })
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction(store, 'readwrite')
          tx.objectStore(store).put(value)
          tx.oncomplete = () => {
            db.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      })
    }
    await put('tsunagu-drafts', 10, 'drafts', { id: 'draft-1', nickname: 'みかん', message: '話を聞いてほしい' })
    await put('scratch', 1, 'things', { id: 1, note: 'raw IndexedDB' })
    await put(outbox, 10, 'envelopes', { id: 'req-1', windowId: 'toshima', state: 'pending', body: { envelope: 'AAECAwQFBgcICQ' }, result: null })
    // Delivered: its confirmation was shown elsewhere, yet it names a window and a time. Quick exit deletes it.
    await put(outbox, 10, 'envelopes', { id: 'req-0', windowId: 'toshima', state: 'delivered', body: null, result: { slot: { start: '2026-12-08T10:00:00+09:00' } } })
    await put('tsunagu-staff', 10, 'keys', { id: 'staff-key' })
    localStorage.setItem('tsunagu.language', 'ja-easy')
    localStorage.setItem('tsunagu.savedReceipt', '1234 5678 9012 3456')
    sessionStorage.setItem('tsunagu.formStep', '2')
    const cache = await caches.open('tsunagu-runtime')
    await cache.put('/runtime-probe', new Response('seen'))
  }, OUTBOX_DB)
}

export interface DeviceStorage {
  databases: string[]
  outboxRecords: number
  localStorage: number
  sessionStorage: number
  caches: string[]
}

export async function readDeviceStorage(page: Page): Promise<DeviceStorage> {
  return page.evaluate(async (outbox) => {
    const databases = (await indexedDB.databases()).map((db) => db.name ?? '').sort()
    let outboxRecords = 0
    if (databases.includes(outbox)) {
      outboxRecords = await new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(outbox)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const count = db.transaction('envelopes').objectStore('envelopes').count()
          count.onsuccess = () => {
            db.close()
            resolve(count.result)
          }
          count.onerror = () => reject(count.error)
        }
      })
    }
    return {
      databases,
      outboxRecords,
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      caches: (await caches.keys()).sort(),
    }
  }, OUTBOX_DB)
}
