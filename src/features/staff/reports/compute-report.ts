import type { ContactLogEntry, ContactMethod, ReportCase } from '@/shared/schemas/contact-log'
import { FISCAL_MONTHS, inFiscalYear } from './fiscal-year'

/**
 * The seeds' tables (Bunkyo's 相談実績, Toshima's 相談者の内訳), counted on the device from
 * decrypted cases. The definitions, one per figure:
 *
 * - 延べ相談: contact-log entries dated in the 年度, every method.
 * - 新規相談: cases whose first contact (earliest entry) is dated in the 年度. A case with no contact
 *   yet (a booking not yet answered) is not a consultation and counts nowhere.
 * - 実相談人数: cases with at least one contact in the 年度 (new and continuing).
 * - 相談者内訳: 実相談人数 by who asked: the person (本人), a family member (家族), anyone else (その他).
 * - 初回相談の相談者: 新規 cases by the first contact's method × who asked: 当事者 (うち50歳以上 from the
 *   person's age group), 親 (うち80歳以上 as staff marked it), 兄弟姉妹, and そのほか・不明等 (a spouse,
 *   child, other relative or supporter).
 * - 相談手法別実績: 延べ by method. A video call counts as SNS等オンライン (it is an online consultation).
 * - 年代別: 実相談人数 by the person's age group; 60代 joins 50代以上, no answer is 年齢不明.
 */

export const reportMethods = ['phone', 'email', 'online', 'visit', 'outreach', 'accompany', 'letter'] as const
export type ReportMethod = (typeof reportMethods)[number]

export const consulterColumns = ['person', 'person50Plus', 'parent', 'parent80Plus', 'sibling', 'other'] as const
export type ConsulterColumn = (typeof consulterColumns)[number]

export const askerKinds = ['self', 'family', 'other'] as const
export type AskerKind = (typeof askerKinds)[number]

export const ageBands = ['10s', '20s', '30s', '40s', '50plus', 'unknown'] as const
export type AgeBand = (typeof ageBands)[number]

export const originKinds = ['online', 'phone', 'letter', 'walk-in', 'outreach'] as const

type Counts<K extends string> = Record<K, number>

export interface MonthRow {
  month: (typeof FISCAL_MONTHS)[number]
  total: number
  newCases: number
  byMethod: Counts<ReportMethod>
}

export interface YearReport {
  fiscalYear: number
  total: number
  newCases: number
  activeCases: number
  askers: Counts<AskerKind>
  firstConsulters: Record<ReportMethod, Counts<ConsulterColumn>>
  byMethod: Counts<ReportMethod>
  byAge: Counts<AgeBand>
  newByOrigin: Counts<(typeof originKinds)[number]>
  months: MonthRow[]
}

function zeros<K extends string>(keys: readonly K[]): Counts<K> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Counts<K>
}

export function reportMethodOf(method: ContactMethod): ReportMethod {
  return method === 'video' ? 'online' : method
}

/** The earliest contact; on the same day the one logged first. */
export function firstContact(contacts: readonly ContactLogEntry[]): ContactLogEntry | undefined {
  return contacts.reduce<ContactLogEntry | undefined>((first, entry) => (!first || entry.date < first.date ? entry : first), undefined)
}

function askerKind(c: ReportCase): AskerKind {
  return c.asker === 'self' ? 'self' : c.asker === 'family' ? 'family' : 'other'
}

function consulterColumnsOf(c: ReportCase): ConsulterColumn[] {
  if (c.asker === 'self') return c.ageGroup === '50s' || c.ageGroup === '60plus' ? ['person', 'person50Plus'] : ['person']
  if (c.asker === 'family' && c.relation === 'parent') return c.parentAged80OrOver ? ['parent', 'parent80Plus'] : ['parent']
  if (c.asker === 'family' && c.relation === 'sibling') return ['sibling']
  return ['other']
}

function ageBandOf(c: ReportCase): AgeBand {
  switch (c.ageGroup) {
    case '10s':
    case '20s':
    case '30s':
    case '40s':
      return c.ageGroup
    case '50s':
    case '60plus':
      return '50plus'
    default:
      return 'unknown'
  }
}

function monthOf(date: string): number {
  return Number(date.slice(5, 7))
}

export function computeYearReport(cases: readonly ReportCase[], fiscalYear: number): YearReport {
  const report: YearReport = {
    fiscalYear,
    total: 0,
    newCases: 0,
    activeCases: 0,
    askers: zeros(askerKinds),
    firstConsulters: Object.fromEntries(reportMethods.map((m) => [m, zeros(consulterColumns)])) as YearReport['firstConsulters'],
    byMethod: zeros(reportMethods),
    byAge: zeros(ageBands),
    newByOrigin: zeros(originKinds),
    months: FISCAL_MONTHS.map((month) => ({ month, total: 0, newCases: 0, byMethod: zeros(reportMethods) })),
  }
  const monthRow = (date: string) => report.months.find((row) => row.month === monthOf(date)) as MonthRow

  for (const c of cases) {
    const inYear = c.contacts.filter((entry) => inFiscalYear(entry.date, fiscalYear))
    if (inYear.length === 0) continue
    report.activeCases++
    report.askers[askerKind(c)]++
    report.byAge[ageBandOf(c)]++
    for (const entry of inYear) {
      const method = reportMethodOf(entry.method)
      report.total++
      report.byMethod[method]++
      const row = monthRow(entry.date)
      row.total++
      row.byMethod[method]++
    }
    const first = firstContact(c.contacts) as ContactLogEntry
    if (!inFiscalYear(first.date, fiscalYear)) continue
    report.newCases++
    report.newByOrigin[c.origin]++
    monthRow(first.date).newCases++
    const cells = report.firstConsulters[reportMethodOf(first.method)]
    for (const column of consulterColumnsOf(c)) cells[column]++
  }
  return report
}

/** 相談者内訳 as whole percents, rounded half up like the seeds (their rows may add up to 99–101%). */
export function percentOf(count: number, total: number): number | null {
  return total === 0 ? null : Math.round((count * 100) / total)
}

/** 小計 of a 初回相談の相談者 row: the うち columns are already inside 当事者 and 親. */
export function consulterSubtotal(cells: Counts<ConsulterColumn>): number {
  return cells.person + cells.parent + cells.sibling + cells.other
}
