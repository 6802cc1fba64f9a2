import { sql, type SqlDriver } from './sql-driver'
import type { Store } from './store'

const DAY_MS = 86_400_000
const TOKYO_MS = 9 * 3_600_000

/** The UTC instant at which the Tokyo day of `at` began, as stored in `created_at`. */
export const tokyoDayStart = (at: Date) => new Date(Math.floor((at.getTime() + TOKYO_MS) / DAY_MS) * DAY_MS - TOKYO_MS).toISOString()

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
    async requestsToday(windowId, at, atMost) {
      // Counting stops at the quota, so a full day costs no more than the quota's rows of the index.
      const [row] = await db.all(
        sql('SELECT COUNT(*) AS n FROM (SELECT 1 FROM requests WHERE window_id = ? AND created_at >= ? LIMIT ?)', windowId, tokyoDayStart(at), atMost),
      )
      return Number(row?.n ?? 0)
    },
  } satisfies Partial<Store>
}
