import { sql, type SqlDriver } from './sql-driver'
import type { Store } from './store'


/** Anonymous counters: (campaign, event, day, count) and nothing else. */
export function createMetricStore(db: SqlDriver) {
  return {
    async countMetric(campaign, event, day) {
      await db.run(
        sql(
          'INSERT INTO metrics (campaign, event, day, count) VALUES (?, ?, ?, 1) ON CONFLICT (campaign, event, day) DO UPDATE SET count = count + 1',
          campaign, event, day,
        ),
      )
    },
  } satisfies Partial<Store>
}
