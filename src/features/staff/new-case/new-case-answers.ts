import { MESSAGE_MAX } from '@/shared/limits'
import { bookingPayloadSchema, contactSchema, nicknameSchema, type BookingPayload } from '@/shared/schemas/booking-payload'
import type { ageGroups, askers, concernIds, familyRelations } from '@/shared/schemas/booking-payload'
import type { ConsultationMode } from '@/shared/schemas/common'
import type { CaseOrigin } from '@/shared/schemas/contact-log'
import type { Slot } from '@/shared/schemas/requests'
import type { newCaseText } from './new-case-text'

export type StaffOrigin = Exclude<CaseOrigin, 'online'>
export type ContactKind = 'none' | 'email' | 'phone'

/** What staff fill in: the public form's fields (src/shared/schemas/booking-payload.ts), plus how the contact began. */
export interface NewCaseAnswers {
  origin: StaffOrigin | null
  asker: (typeof askers)[number] | null
  relation: (typeof familyRelations)[number] | null
  nickname: string
  ageGroup: (typeof ageGroups)[number] | null
  mode: ConsultationMode | null
  /** null: not chosen yet; 'later': no time, the window gets in touch. */
  slot: Slot | 'later' | null
  concerns: Array<(typeof concernIds)[number]>
  mainConcern: (typeof concernIds)[number] | null
  message: string
  contactKind: ContactKind
  email: string
  phone: string
  safeTimes: string
  consent: boolean
}

export const emptyNewCase = (): NewCaseAnswers => ({
  origin: null, asker: null, relation: null, nickname: '', ageGroup: null, mode: null, slot: null,
  concerns: [], mainConcern: null, message: '', contactKind: 'none', email: '', phone: '', safeTimes: '', consent: false,
})

/** The way of talking a contact most likely continues in; staff can change it. */
export const modeForOrigin: Record<StaffOrigin, ConsultationMode> = { phone: 'phone', letter: 'letter', 'walk-in': 'visit', outreach: 'visit' }

export type FieldName = keyof typeof newCaseText.errors

const asciiPhone = (value: string) => value.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[ー－‐]/g, '-').trim()

export function contactOf(a: NewCaseAnswers) {
  if (a.contactKind === 'email') return { kind: 'email' as const, email: a.email.trim() }
  if (a.contactKind === 'phone') return { kind: 'phone' as const, phone: asciiPhone(a.phone), safeTimes: a.safeTimes.trim() }
  return { kind: 'none' as const }
}

/** The fields to fix, in the order of the form; empty when the case can be sealed. */
export function validateNewCase(a: NewCaseAnswers): FieldName[] {
  const wrong: FieldName[] = []
  if (!a.origin) wrong.push('origin')
  if (!a.asker) wrong.push('asker')
  else if (a.asker === 'family' && !a.relation) wrong.push('relation')
  if (!nicknameSchema.safeParse(a.nickname).success) wrong.push('nickname')
  if (!a.mode) wrong.push('mode')
  else if (a.mode !== 'letter' && a.slot === null) wrong.push('slot')
  if (a.message.length > MESSAGE_MAX) wrong.push('message')
  const contact = contactSchema.safeParse(contactOf(a))
  if (!contact.success) {
    const field = contact.error.issues[0]?.path.at(-1)
    wrong.push(field === 'safeTimes' ? 'safeTimes' : a.contactKind === 'email' ? 'email' : 'phone')
  }
  if (!a.consent) wrong.push('consent')
  return wrong
}

/** The sealed payload: exactly what the public form seals (bookingPayloadSchema). */
export function payloadOf(a: NewCaseAnswers, replyKey: string): BookingPayload {
  return bookingPayloadSchema.parse({
    v: 1,
    asker: a.asker,
    relation: a.asker === 'family' ? a.relation : null,
    nickname: a.nickname,
    ageGroup: a.ageGroup,
    mode: a.mode,
    concerns: a.concerns,
    mainConcern: a.mainConcern && a.concerns.includes(a.mainConcern) ? a.mainConcern : null,
    message: a.message,
    contact: contactOf(a),
    replyKey,
    writtenAt: new Date().toISOString(),
  })
}
