import type { AuditEntry } from '@/shared/schemas/audit'
import { st } from '../staff-text'
import { auditText } from './audit-text'

const tokyo = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })

/** `2026-12-04 14:05:09`, Tokyo time: sortable, and Excel reads it as a date. */
export function tokyoStamp(iso: string): string {
  return tokyo.format(new Date(iso))
}

export function todayTokyo(offsetDays = 0): string {
  return tokyoStamp(new Date(Date.now() + offsetDays * 86_400_000).toISOString()).slice(0, 10)
}

export function whoLabel(entry: AuditEntry): string {
  if (entry.memberId === null) return auditText.system
  return entry.memberName ?? auditText.unknownMember
}

export function actionLabel(action: string): string {
  return auditText.actions[action] ?? action
}

/** A status, role or origin in words; ids (key, campaign code) as they are. */
export function targetLabel(entry: AuditEntry): string {
  if (entry.target === null) return ''
  if (entry.action === 'case.status' || entry.action === 'case.deleted') {
    try {
      return st(`statuses.${entry.target}`)
    } catch {
      return entry.target
    }
  }
  return auditText.targets[entry.target] ?? entry.target
}

/** The CSV's rows: the words staff read, then the raw names and ids a later check can match. */
export function auditCsvRows(entries: readonly AuditEntry[]): string[][] {
  const { columns } = auditText
  return [
    [columns.at, columns.who, columns.action, columns.target, columns.caseId, 'member_id', 'action', 'target', 'at_utc'],
    ...entries.map((e) => [tokyoStamp(e.at), whoLabel(e), actionLabel(e.action), targetLabel(e), e.requestId ?? '', e.memberId ?? '', e.action, e.target ?? '', e.at]),
  ]
}
