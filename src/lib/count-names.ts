/** Anonymous funnel counts waiting for the network. Quick exit deletes it: a count is worth less than a trace. */
export const COUNTS_DB_NAME = 'tsunagu-counts'

export async function countsMayBeWaiting(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false
  // Without databases() (Firefox before 126) opening it to look would create it, and Dexie its
  // name list beside it: a waiting count then goes out with the next count this device makes.
  if (typeof indexedDB.databases !== 'function') return false
  try {
    return (await indexedDB.databases()).some((database) => database.name === COUNTS_DB_NAME)
  } catch {
    return true
  }
}
