/** Anonymous funnel counts waiting for the network. Quick exit deletes it: a count is worth less than a trace. */
export const COUNTS_DB_NAME = 'tsunagu-counts'

export async function countsMayBeWaiting(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false
  if (typeof indexedDB.databases !== 'function') return true
  try {
    return (await indexedDB.databases()).some((database) => database.name === COUNTS_DB_NAME)
  } catch {
    return true
  }
}
