import { z } from 'zod'
import { bookingPayloadSchema } from './booking-payload'
import { caseStatus } from './case-status'
import { isoDateTime, requestId } from './common'

/** How a contact took place: 電話 / メール / SNS等オンライン / 来所 / 訪問 / 同行 / 郵便 / ビデオ. */
export const contactMethods = ['phone', 'email', 'online', 'visit', 'outreach', 'accompany', 'letter', 'video'] as const
export const contactMethod = z.enum(contactMethods, { error: 'validation.invalid' })
export type ContactMethod = z.infer<typeof contactMethod>

/** Who took part: 当事者 / 親 / きょうだい / そのほか. */
export const contactParticipants = ['person', 'parent', 'sibling', 'other'] as const
export const contactParticipant = z.enum(contactParticipants, { error: 'validation.invalid' })
export type ContactParticipant = z.infer<typeof contactParticipant>

export const CONTACT_NOTES_MAX = 4000
/** A case's contacts are counted on the device; a bound keeps one case from stalling the report. */
export const CONTACTS_PER_CASE_MAX = 2000

/**
 * One contact of a case (DESIGN §8: what the 延べ counts are made of). This is the plaintext: the
 * notes are encrypted to the window before they leave the staff browser. `date` is the calendar
 * day in Tokyo as staff enter it, so a report never shifts a contact across a month by time zone.
 */
export const contactLogEntrySchema = z.object({
  id: z.uuid({ error: 'validation.invalid' }),
  date: z.iso.date({ error: 'validation.invalid' }),
  method: contactMethod,
  participants: z
    .array(contactParticipant)
    .min(1, { error: 'validation.required' })
    .max(contactParticipants.length, { error: 'validation.invalid' })
    .refine((list) => new Set(list).size === list.length, { error: 'validation.invalid' }),
  notes: z.string().max(CONTACT_NOTES_MAX, { error: 'validation.tooLong' }).optional(),
})
export type ContactLogEntry = z.infer<typeof contactLogEntrySchema>

/** An entry as sealed to the window (like the note and reply payloads): versioned, so a later shape can be told apart. */
export const contactLogPayloadSchema = contactLogEntrySchema.extend({ v: z.literal(1, { error: 'validation.version' }) })
export type ContactLogPayload = z.infer<typeof contactLogPayloadSchema>

/** How a case reached the window: the online form, or a case staff opened for a phone call, letter, walk-in or outreach. */
export const caseOrigins = ['online', 'phone', 'letter', 'walk-in', 'outreach'] as const
export const caseOrigin = z.enum(caseOrigins, { error: 'validation.invalid' })
export type CaseOrigin = z.infer<typeof caseOrigin>

const fromBooking = bookingPayloadSchema.pick({ asker: true, relation: true, ageGroup: true, nickname: true }).shape

/**
 * A case as a staff browser holds it after decryption, with what the reports count. Nothing here
 * leaves the device except through the CSV export that warns first.
 */
export const reportCaseSchema = z.object({
  requestId,
  createdAt: isoDateTime,
  origin: caseOrigin,
  status: caseStatus.optional(),
  asker: fromBooking.asker,
  relation: fromBooking.relation,
  /** The age of the person the consultation is about (当事者), as in the booking form. */
  ageGroup: fromBooking.ageGroup,
  nickname: fromBooking.nickname.optional(),
  /**
   * A parent who consults is 80 or older (the seeds' 「親 うち、80歳以上」, the 8050 problem). The
   * public form never asks a family member's age; staff mark it when they learn it.
   */
  parentAged80OrOver: z.boolean().default(false),
  contacts: z.array(contactLogEntrySchema).max(CONTACTS_PER_CASE_MAX, { error: 'validation.tooLong' }),
})
export type ReportCase = z.infer<typeof reportCaseSchema>
export type ReportCaseInput = z.input<typeof reportCaseSchema>
