/**
 * Short-lived answers for the public reads that every visit makes (`/api/config`, the slot list),
 * so a burst of visitors costs one database read per TTL instead of one per request. Any successful
 * write through the API clears it (app.ts), so a booked slot disappears from this process's list at
 * once; other processes or Workers isolates see it after the TTL at most, and the database still
 * refuses the double booking (409 with alternatives).
 */
export function readCache(ttlMs: number, now: () => number) {
  let entries = new Map<string, { at: number; value: unknown }>()
  // Bumped by clear(): a read that started before a write must not put the old answer back.
  let generation = 0
  return {
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const at = now()
      const hit = entries.get(key)
      // A clock that went back (tests, a corrected clock) counts as expired too.
      if (hit && at >= hit.at && at - hit.at < ttlMs) return hit.value as T
      // Only answers are shared, never a read in flight: on Workers a request that awaits a read
      // another request started hangs when that request is cancelled (workerd then answers 500).
      const started = generation
      const value = await load()
      if (started === generation) entries.set(key, { at, value })
      return value
    },
    /** Drops every entry, or only those whose key `which` picks. */
    clear(which?: (key: string) => boolean) {
      generation++
      if (!which) entries = new Map()
      else for (const key of [...entries.keys()]) if (which(key)) entries.delete(key)
    },
  }
}

export type ReadCache = ReturnType<typeof readCache>

export const READ_CACHE_TTL_MS = 10_000
