import { z } from 'zod'

/**
 * The one declaration of a case's status (DESIGN §8), shared by the schema, the store, the
 * migration's CHECK and the staff pages: 受付 → 連絡済 → 面談予定 → 継続 / 終了, or キャンセル.
 */
export const caseStatuses = ['received', 'contacted', 'scheduled', 'ongoing', 'closed', 'cancelled'] as const
export const caseStatus = z.enum(caseStatuses, { error: 'validation.invalid' })
export type CaseStatus = z.infer<typeof caseStatus>

/**
 * What the person sees on /status. Staff steps are internal; the person is told only what changes
 * something for them: still waiting, a time is booked, the window has been in touch, the talks go
 * on, it is finished, it is cancelled.
 */
export const publicStatuses = ['waiting', 'booked', 'contacted', 'ongoing', 'done', 'cancelled'] as const
export const publicStatus = z.enum(publicStatuses, { error: 'validation.invalid' })
export type PublicStatus = z.infer<typeof publicStatus>

export function publicStatusOf(status: CaseStatus, hasSlot: boolean): PublicStatus {
  switch (status) {
    case 'received':
      return hasSlot ? 'booked' : 'waiting'
    case 'contacted':
      return hasSlot ? 'booked' : 'contacted'
    case 'scheduled':
      return 'booked'
    case 'ongoing':
      return 'ongoing'
    case 'closed':
      return 'done'
    case 'cancelled':
      return 'cancelled'
  }
}
