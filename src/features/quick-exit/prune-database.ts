
export function deleteDatabase(name: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name)
    request.onsuccess = request.onerror = request.onblocked = () => resolve()
  })
}

export interface PruneRule {
  name: string
  store: string
  /** True for a record that must survive. */
  keepRecord: (value: unknown) => boolean
}

/**
 * Deletes every record the rule does not keep, without Dexie (quick exit runs before the app is
 * loaded), and the whole database when nothing is left. A database that does not exist is not
 * created: its upgrade is aborted.
 */
export function pruneDatabase({ name, store, keepRecord }: PruneRule): Promise<void> {
  return new Promise<void>((resolve) => {
    const open = indexedDB.open(name)
    open.onupgradeneeded = () => open.transaction?.abort()
    open.onerror = open.onblocked = () => resolve()
    open.onsuccess = () => {
      const db = open.result
      // Another tab asking to delete or upgrade must not wait for this connection.
      db.onversionchange = () => db.close()
      if (!db.objectStoreNames.contains(store)) {
        db.close()
        void deleteDatabase(name).then(resolve)
        return
      }
      let kept = 0
      const tx = db.transaction(store, 'readwrite')
      const cursor = tx.objectStore(store).openCursor()
      cursor.onsuccess = () => {
        const row = cursor.result
        if (!row) return
        if (keepRecord(row.value)) kept++
        else row.delete()
        row.continue()
      }
      tx.oncomplete = () => {
        db.close()
        if (kept === 0) void deleteDatabase(name).then(resolve)
        else resolve()
      }
      tx.onerror = tx.onabort = () => {
        db.close()
        resolve()
      }
    }
  })
}
