import { deleteDatabase, pruneDatabase, type PruneRule } from './prune-database'

const PRECACHE_PREFIX = 'workbox-precache'
const WIPE_TIMEOUT_MS = 1500

export interface WipePlan {
  /** Databases that must survive untouched (a staff member's keys on a shared staff PC). */
  keep: readonly string[]
  /**
   * The app's databases, deleted by name where `indexedDB.databases()` does not exist (Firefox
   * before 126): there the browser cannot list them, so every one the app may write is named here.
   */
  known: readonly string[]
  /** A database that keeps only some records (the outbox keeps undelivered envelopes). */
  prune?: PruneRule
}

/**
 * Removes everything personal this app stored on the device: IndexedDB databases (drafts, saved
 * receipts, settings), localStorage and sessionStorage, and runtime caches (e.g. map tiles seen).
 * The precached app shell stays, because it holds nothing personal and keeps the site usable offline.
 * The outbox keeps an undelivered envelope (ciphertext: deleting it would silently lose a request;
 * see DESIGN §4) and loses everything else, so nothing says a request was ever sent from here.
 */
export async function wipeDeviceData(plan: WipePlan): Promise<void> {
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
  await withTimeout(Promise.allSettled([deleteDatabases(plan), deleteRuntimeCaches()]))
}

async function listDatabases(plan: WipePlan): Promise<string[]> {
  if (typeof indexedDB.databases !== 'function') return [...plan.known]
  return (await indexedDB.databases()).map((db) => db.name).filter((name): name is string => !!name)
}

async function deleteDatabases(plan: WipePlan): Promise<void> {
  if (!('indexedDB' in globalThis)) return
  const names = await listDatabases(plan).catch(() => [...plan.known])
  const spared = new Set([...plan.keep, ...(plan.prune ? [plan.prune.name] : [])])
  await Promise.all([
    ...names.filter((name) => !spared.has(name)).map(deleteDatabase),
    plan.prune && !plan.keep.includes(plan.prune.name) ? pruneDatabase(plan.prune) : Promise.resolve(),
  ])
}

async function deleteRuntimeCaches(): Promise<void> {
  if (!('caches' in globalThis)) return
  const names = await caches.keys()
  await Promise.all(names.filter((n) => !n.startsWith(PRECACHE_PREFIX)).map((n) => caches.delete(n)))
}

function withTimeout<T>(work: Promise<T>): Promise<T | void> {
  return Promise.race([work, new Promise<void>((resolve) => setTimeout(resolve, WIPE_TIMEOUT_MS))])
}
