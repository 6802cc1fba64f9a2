import type { CaseStatus } from '@/shared/schemas/case-status'
import type { OpenedCase } from './decrypt-case'

export interface CaseFilter {
  status: CaseStatus | 'open' | 'all'
  mode: string
  asker: string
  /** yyyy-mm-dd: received on or after. */
  from: string
  search: string
}

export const emptyFilter: CaseFilter = { status: 'open', mode: 'all', asker: 'all', from: '', search: '' }

const OPEN: readonly CaseStatus[] = ['received', 'contacted', 'scheduled', 'ongoing']

/** Filters and searches decrypted cases in memory; search looks at what the person wrote. */
export function filterCases(cases: readonly OpenedCase[], filter: CaseFilter): OpenedCase[] {
  const words = filter.search.trim().toLowerCase().split(/\s+/).filter(Boolean)
  return cases.filter(({ summary, payload }) => {
    if (filter.status === 'open' ? !OPEN.includes(summary.status) : filter.status !== 'all' && summary.status !== filter.status) return false
    if (filter.mode !== 'all' && summary.mode !== filter.mode) return false
    if (filter.asker !== 'all' && payload?.asker !== filter.asker) return false
    if (filter.from && summary.createdAt.slice(0, 10) < filter.from) return false
    if (words.length === 0) return true
    const haystack = payload ? [payload.nickname, payload.message, ...payload.concerns, payload.mainConcern ?? ''].join(' ').toLowerCase() : ''
    return words.every((w) => haystack.includes(w))
  })
}
