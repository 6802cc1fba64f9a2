import { tokyoDate } from '../abuse/tokyo-date'
import { sql, type SqlDriver } from './sql-driver'
import type { Store } from './store'

/** Single-use proof-of-work challenges and the per-window daily quota (src/server/abuse/). */
export function createAbuseStore(db: SqlDriver) {
  return {
    async useChallenge(signature, expiresAt) {
      const { changes } = await db.run(sql('INSERT INTO used_challenges (signature, expires_at) VALUES (?, ?) ON CONFLICT (signature) DO NOTHING', signature, expiresAt))
      return changes === 1
    },
    async purgeUsedChallenges(now) {
      const { changes } = await db.run(sql('DELETE FROM used_challenges WHERE expires_at < ?', now))
      return changes
    },
    async requestsToday(windowId, at) {
      // Kept by a trigger on every insert into requests (migration 0014): one row, whatever the quota.
      const [row] = await db.all(sql('SELECT count FROM window_day_counts WHERE window_id = ? AND day = ?', windowId, tokyoDate(at)))
      return Number(row?.count ?? 0)
    },
  } satisfies Partial<Store>
}
