import { retentionCutoffs, type RetentionPolicy } from '../../shared/schemas/retention'
import type { Store } from '../store/store'

/**
 * The retention job, run by the Node timer and the Workers cron trigger: deletes every request the
 * rules have made due, with its messages, contact log and slot booking, and records each deletion
 * in the audit log. `afterDelete` lets Node wipe what the deleted pages left in the WAL.
 */
export async function runRetention(store: Store, policy: RetentionPolicy, now: Date, afterDelete?: () => void): Promise<number> {
  const removed = await store.purgeExpired(retentionCutoffs(policy, now))
  if (removed > 0) afterDelete?.()
  return removed
}
