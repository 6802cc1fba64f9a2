import { z } from 'zod'
import { SLOT_LOOKAHEAD_DAYS } from '../limits'
import { isoDateTime, requestId, windowId } from './common'
import { weekdaySchema } from './deployment'
import { publicSlotNoticeSchema, slotCancelReason, slotSchema } from './requests'

export { slotCancelReason, slotCancelReasons, type SlotCancelReason } from './requests'

/**
 * Availability staff edit per window and mode (DESIGN §8; routes in src/server/staff/README.md).
 * The server makes dated slots from it (src/server/slots/availability-rules.ts); deployment.json's
 * `availability` gives the values until staff first save a mode.
 */

export const slotModes = ['phone', 'visit', 'video'] as const
export const slotMode = z.enum(slotModes, { error: 'validation.invalid' })
export type SlotMode = z.infer<typeof slotMode>

const time = z.string({ error: 'validation.required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.time' })
const isoDay = z.iso.date({ error: 'validation.invalid' })
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

const hours = {
  from: time,
  to: time,
  /** Length of one slot. */
  minutes: z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(10, { error: 'validation.tooSmall' }).max(240, { error: 'validation.tooLarge' }),
  /** Free minutes after each slot before the next one starts. */
  buffer: z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(0, { error: 'validation.tooSmall' }).max(120, { error: 'validation.tooLarge' }),
}
/** At least one slot must fit between from and to. */
const oneSlotFits = (h: { from: string; to: string; minutes: number }) => minutesOf(h.from) + h.minutes <= minutesOf(h.to)
const fitsError = { error: 'validation.hoursOrder', path: ['to'] }

export const weeklyRuleSchema = z
  .object({ days: z.array(weekdaySchema, { error: 'validation.invalid' }).min(1, { error: 'validation.required' }).max(7, { error: 'validation.invalid' }), ...hours })
  .refine(oneSlotFits, fitsError)
export type WeeklyRule = z.infer<typeof weeklyRuleSchema>

/** A date opened on purpose (Bunkyo's 休日相談 on chosen Saturdays): open even on a weekend or a public holiday. */
export const specialDaySchema = z.object({ date: isoDay, ...hours }).refine(oneSlotFits, fitsError)
export type SpecialDay = z.infer<typeof specialDaySchema>

export const modeAvailabilitySchema = z.object({
  rules: z.array(weeklyRuleSchema, { error: 'validation.invalid' }).max(20, { error: 'validation.tooMany' }),
  closedDates: z.array(isoDay, { error: 'validation.invalid' }).max(200, { error: 'validation.tooMany' }),
  specialDays: z.array(specialDaySchema, { error: 'validation.invalid' }).max(100, { error: 'validation.tooMany' }),
  /** No slot that starts sooner than this after now, nor before the window next opens. */
  noticeHours: z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(0, { error: 'validation.tooSmall' }).max(72, { error: 'validation.tooLarge' }),
  /** How many days ahead slots are offered. */
  horizonDays: z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(1, { error: 'validation.tooSmall' }).max(SLOT_LOOKAHEAD_DAYS, { error: 'validation.tooLarge' }),
})
export type ModeAvailability = z.infer<typeof modeAvailabilitySchema>

export const DEFAULT_NOTICE_HOURS = 2
export const DEFAULT_HORIZON_DAYS = 14

export const modeAvailabilityViewSchema = z.object({
  mode: slotMode,
  settings: modeAvailabilitySchema,
  /** false: the deployment.json values, never saved by staff. */
  saved: z.boolean(),
  updatedAt: isoDateTime.nullable(),
})
export type ModeAvailabilityView = z.infer<typeof modeAvailabilityViewSchema>

/** GET /api/staff/windows/:windowId/availability */
export const availabilityViewSchema = z.object({ windowId, modes: z.array(modeAvailabilityViewSchema) })
export type AvailabilityView = z.infer<typeof availabilityViewSchema>

/** The answer to a save: what changed in the future open slots (booked ones are never touched). */
export const availabilitySavedSchema = modeAvailabilityViewSchema.extend({ added: z.number().int(), removed: z.number().int() })
export type AvailabilitySaved = z.infer<typeof availabilitySavedSchema>

/** Cancel one slot, or a whole day of some modes (staff illness). `released` is for bulk release only. */
export const cancelSlotsBodySchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('slot'), slotId: z.string({ error: 'validation.required' }).regex(/^[a-z0-9-]{10,80}$/, { error: 'validation.invalid' }), reason: slotCancelReason.exclude(['released'], { error: 'validation.invalid' }) }),
    z.object({
      kind: z.literal('day'),
      date: isoDay,
      modes: z.array(slotMode, { error: 'validation.invalid' }).min(1, { error: 'validation.required' }).max(3, { error: 'validation.invalid' }),
      reason: slotCancelReason.exclude(['released'], { error: 'validation.invalid' }),
    }),
  ],
  { error: 'validation.invalid' },
)
export type CancelSlotsBody = z.infer<typeof cancelSlotsBodySchema>
export const cancelSlotsResultSchema = z.object({ cancelledSlots: z.number().int(), affectedBookings: z.number().int() })

/** Free the slots of bookings staff judged suspicious (e.g. many in a few minutes), in one step. */
export const releaseBodySchema = z.object({
  requestIds: z.array(requestId, { error: 'validation.invalid' }).min(1, { error: 'validation.required' }).max(200, { error: 'validation.tooMany' }),
})
export const releaseResultSchema = z.object({ released: z.number().int() })

/** A slot as staff see it on the availability page: open, or booked (when, not who). */
export const staffSlotSchema = slotSchema.extend({ booking: z.object({ requestId, createdAt: isoDateTime }).nullable() })
export type StaffSlot = z.infer<typeof staffSlotSchema>
export const staffSlotsSchema = z.object({ windowId, slots: z.array(staffSlotSchema) })

/** What happened to a booked time, on the case (staff) and on /status (the person). */
export const slotNoticeSchema = publicSlotNoticeSchema.extend({
  /** Staff must still tell the person (phone, e-mail, a reply); cleared with POST …/told. */
  tellPerson: z.boolean(),
})
export type SlotNotice = z.infer<typeof slotNoticeSchema>
