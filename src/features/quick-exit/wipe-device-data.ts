const PRECACHE_PREFIX = 'workbox-precache'
const WIPE_TIMEOUT_MS = 1500

/**
 * Removes everything personal this app stored on the device: IndexedDB databases (drafts, saved
 * receipts, settings), localStorage and sessionStorage, and runtime caches (e.g. map tiles seen).
 * The precached app shell stays, because it holds nothing personal and keeps the site usable offline.
 *
 * `keepDatabases` names databases that must survive (the booking outbox keeps an undelivered
 * envelope: it is ciphertext, and deleting it would silently lose a request; see DESIGN §4).
 */
export async function wipeDeviceData(keepDatabases: readonly string[] = []): Promise<void> {
  try {
    localStorage.clear()
  } catch {
    // Storage may be disabled; there is then nothing to clear.
  }
  try {
    sessionStorage.clear()
  } catch {
    // As above.
  }
  await withTimeout(Promise.allSettled([deleteDatabases(keepDatabases), deleteRuntimeCaches()]))
}

async function deleteDatabases(keep: readonly string[]): Promise<void> {
  if (!('indexedDB' in globalThis) || typeof indexedDB.databases !== 'function') return
  const databases = await indexedDB.databases()
  await Promise.all(
    databases
      .map((db) => db.name)
      .filter((name): name is string => !!name && !keep.includes(name))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name)
            request.onsuccess = request.onerror = request.onblocked = () => resolve()
          }),
      ),
  )
}

async function deleteRuntimeCaches(): Promise<void> {
  if (!('caches' in globalThis)) return
  const names = await caches.keys()
  await Promise.all(names.filter((n) => !n.startsWith(PRECACHE_PREFIX)).map((n) => caches.delete(n)))
}

function withTimeout<T>(work: Promise<T>): Promise<T | void> {
  return Promise.race([work, new Promise<void>((resolve) => setTimeout(resolve, WIPE_TIMEOUT_MS))])
}
