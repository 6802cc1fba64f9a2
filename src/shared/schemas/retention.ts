import type { CaseStatus } from './case-status'
import type { RetentionPolicy } from './deployment'

export type { RetentionPolicy }

/** The defaults of deployment.json's `retention` (retentionSchema in deployment.ts; a test keeps them equal). */
export const DEFAULT_RETENTION: RetentionPolicy = { closedDays: 365, cancelledDays: 30, waitingDays: 180, staleDays: 30 }

/** The policy with its defaults filled in, without zod (the client reads deployment.json as it is). */
export function retentionOf(configured: Partial<RetentionPolicy> | undefined): RetentionPolicy {
  return { ...DEFAULT_RETENTION, ...configured }
}

export interface RetainedCase {
  status: CaseStatus
  /** When the case entered its current status. */
  statusAt: string
  /** The last message, reply, note, contact or status change. */
  updatedAt: string
}

const DAY_MS = 86_400_000
const plusDays = (iso: string, n: number) => new Date(Date.parse(iso) + n * DAY_MS).toISOString()

export type RetentionRule = 'closed' | 'cancelled' | 'open'

export function retentionRule(status: CaseStatus): RetentionRule {
  return status === 'closed' || status === 'cancelled' ? status : 'open'
}

/** The day the case and everything in it is deleted by the retention job. */
export function deletionDate(c: RetainedCase, policy: RetentionPolicy): string {
  const rule = retentionRule(c.status)
  if (rule === 'closed') return plusDays(c.statusAt, policy.closedDays)
  if (rule === 'cancelled') return plusDays(c.statusAt, policy.cancelledDays)
  return plusDays(c.updatedAt, policy.waitingDays)
}

/** An open case nobody has touched for `staleDays`: the inbox shows it so it is not forgotten. */
export function isStale(c: Pick<RetainedCase, 'status' | 'updatedAt'>, policy: RetentionPolicy, now: Date): boolean {
  return retentionRule(c.status) === 'open' && Date.parse(c.updatedAt) + policy.staleDays * DAY_MS <= now.getTime()
}

/** Rows whose time is before these are due (ISO strings compare in time order: all are UTC with ms). */
export function retentionCutoffs(policy: RetentionPolicy, now: Date) {
  const before = (n: number) => new Date(now.getTime() - n * DAY_MS).toISOString()
  return { now: now.toISOString(), closed: before(policy.closedDays), cancelled: before(policy.cancelledDays), open: before(policy.waitingDays) }
}
export type RetentionCutoffs = ReturnType<typeof retentionCutoffs>
