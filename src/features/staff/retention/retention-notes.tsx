import { deployment } from '@/lib/deployment'
import type { CaseSummary } from '@/shared/schemas/staff'
import { deletionDate, isStale, retentionOf, retentionRule } from '@/shared/schemas/retention'
import styles from '../staff.module.css'
import { retentionText as t } from './retention-text'

const policy = retentionOf(deployment.retention)
const longDate = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long', day: 'numeric' })

/** The inbox's flag on an open case nobody has touched for `staleDays` (deployment.json retention). */
export function StaleBadge({ summary }: { summary: Pick<CaseSummary, 'status' | 'updatedAt'> }) {
  if (!isStale(summary, policy, new Date())) return null
  return <span className={styles.stale}>{t.staleBadge(policy.staleDays)}</span>
}

/** On the case page: when the case will be deleted, and a warning when it has been left untouched. */
export function RetentionNote({ summary }: { summary: Pick<CaseSummary, 'status' | 'updatedAt'> }) {
  const rule = retentionRule(summary.status)
  const stale = isStale(summary, policy, new Date())
  return (
    <div className={stale ? styles.notice : undefined}>
      {stale ? <p><strong>{t.staleNote(policy.staleDays)}</strong></p> : null}
      <p className={styles.hint}>
        {rule === 'open'
          ? t.openRule(longDate.format(new Date(deletionDate({ ...summary, statusAt: summary.updatedAt }, policy))), policy.waitingDays)
          : rule === 'closed'
            ? t.closedRule(policy.closedDays)
            : t.cancelledRule(policy.cancelledDays)}
      </p>
    </div>
  )
}
