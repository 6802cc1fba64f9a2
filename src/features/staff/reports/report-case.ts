import type { BookingPayload } from '@/shared/schemas/booking-payload'
import { type CaseOrigin, type ContactLogEntry, type ReportCase, reportCaseSchema } from '@/shared/schemas/contact-log'
import type { CaseSummary } from '@/shared/schemas/staff'

export interface ReportCaseParts {
  summary: Pick<CaseSummary, 'requestId' | 'createdAt' | 'status'>
  /** The decrypted request (or the form staff filled in for a phone, letter, walk-in or outreach case). */
  payload: Pick<BookingPayload, 'asker' | 'relation' | 'ageGroup' | 'nickname'>
  /** The decrypted contact log. */
  contacts: readonly ContactLogEntry[]
  origin?: CaseOrigin
  parentAged80OrOver?: boolean
}

/** What the reports page takes, from what the inbox and case pages already hold in memory. */
export function reportCaseFrom({ summary, payload, contacts, origin = 'online', parentAged80OrOver = false }: ReportCaseParts): ReportCase {
  return reportCaseSchema.parse({
    requestId: summary.requestId,
    createdAt: summary.createdAt,
    status: summary.status,
    origin,
    asker: payload.asker,
    relation: payload.relation,
    ageGroup: payload.ageGroup,
    nickname: payload.nickname,
    parentAged80OrOver,
    contacts,
  })
}
