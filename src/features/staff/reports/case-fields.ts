import type { ContactLogEntry, ReportCase } from '@/shared/schemas/contact-log'
import { firstContact } from './compute-report'
import { inFiscalYear, tokyoDate } from './fiscal-year'
import { caseWords } from './report-labels'

/**
 * The case export: one row per case that had a contact in the 年度 or was opened in it, with the
 * columns staff choose. Identifying or free text (nickname, notes) is off until chosen.
 */
export const caseFields = [
  'requestId',
  'createdAt',
  'origin',
  'status',
  'asker',
  'relation',
  'ageGroup',
  'parentAged80OrOver',
  'firstContact',
  'lastContact',
  'contactsInYear',
  'contactLog',
  'nickname',
  'notes',
] as const
export type CaseField = (typeof caseFields)[number]

export const defaultCaseFields: readonly CaseField[] = ['createdAt', 'origin', 'status', 'asker', 'relation', 'ageGroup', 'firstContact', 'contactsInYear']

/** Fields that say who someone is or what they told the window. */
export const sensitiveCaseFields: readonly CaseField[] = ['nickname', 'notes']

export const caseFieldLabels: Record<CaseField, string> = {
  requestId: '案件ID',
  createdAt: '受付日',
  origin: '受付の経路',
  status: '状況',
  asker: '相談者',
  relation: '続柄',
  ageGroup: '当事者の年代',
  parentAged80OrOver: '親が80歳以上',
  firstContact: '初回相談日',
  lastContact: '最終相談日',
  contactsInYear: 'この年度の相談回数',
  contactLog: '相談記録（日付・手法・参加者）',
  nickname: 'ニックネーム',
  notes: '相談記録のメモ',
}

const w = caseWords

function logLine(entry: ContactLogEntry): string {
  return `${entry.date} ${w.method[entry.method]}（${entry.participants.map((p) => w.participant[p]).join('・')}）`
}

function byDate(contacts: readonly ContactLogEntry[]): ContactLogEntry[] {
  return [...contacts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

function cell(c: ReportCase, field: CaseField, fiscalYear: number): string {
  switch (field) {
    case 'requestId':
      return c.requestId
    case 'createdAt':
      return tokyoDate(c.createdAt)
    case 'origin':
      return w.origin[c.origin]
    case 'status':
      return c.status ? w.status[c.status] : w.none
    case 'asker':
      return w.asker[c.asker]
    case 'relation':
      return c.relation ? w.relation[c.relation] : w.none
    case 'ageGroup':
      return c.ageGroup ? w.ageGroup[c.ageGroup] : w.ageGroup.unknown
    case 'parentAged80OrOver':
      return c.parentAged80OrOver ? w.yes : ''
    case 'firstContact':
      return firstContact(c.contacts)?.date ?? w.none
    case 'lastContact':
      return byDate(c.contacts).at(-1)?.date ?? w.none
    case 'contactsInYear':
      return String(c.contacts.filter((e) => inFiscalYear(e.date, fiscalYear)).length)
    case 'contactLog':
      return byDate(c.contacts).map(logLine).join('\n')
    case 'nickname':
      return c.nickname ?? ''
    case 'notes':
      return byDate(c.contacts)
        .filter((e) => e.notes)
        .map((e) => `${e.date} ${e.notes}`)
        .join('\n')
  }
}

export function casesInYear(cases: readonly ReportCase[], fiscalYear: number): ReportCase[] {
  return cases.filter((c) => inFiscalYear(tokyoDate(c.createdAt), fiscalYear) || c.contacts.some((e) => inFiscalYear(e.date, fiscalYear)))
}

/** Header and rows in the order of `caseFields`, whatever order the fields were chosen in. */
export function caseRows(cases: readonly ReportCase[], fields: readonly CaseField[], fiscalYear: number): string[][] {
  const chosen = caseFields.filter((f) => fields.includes(f))
  const rows = casesInYear(cases, fiscalYear)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
    .map((c) => chosen.map((f) => cell(c, f, fiscalYear)))
  return [chosen.map((f) => caseFieldLabels[f]), ...rows]
}
