import { z } from 'zod'
import { consultationMode, base64url, isoDateTime, requestId, windowId } from './common'
import { publicStatus } from './case-status'
import { envelopeSchema, replyEnvelopeSchema } from './envelope'

export const slotSchema = z.object({
  id: z.string(),
  windowId,
  start: isoDateTime,
  end: isoDateTime,
  mode: consultationMode,
})
export type Slot = z.infer<typeof slotSchema>

/** Derived from the receipt code (DESIGN §4): 32 bytes each, base64url (43 characters). */
export const lookupIdSchema = base64url(43).length(43, { error: 'validation.invalid' })
export const authKeySchema = base64url(43).length(43, { error: 'validation.invalid' })

export const campaignSchema = z.string().regex(/^[a-z0-9-]{1,32}$/, { error: 'validation.invalid' })

/** POST /api/requests. Everything personal is inside `envelope`; the rest is routing. */
export const createRequestSchema = z.object({
  requestId,
  windowId,
  mode: consultationMode,
  slotId: z.string().max(80).nullable(),
  lookupId: lookupIdSchema,
  /** SHA-256 of the auth key; the server never sees the key itself until a lookup. */
  authHash: base64url(43).length(43, { error: 'validation.invalid' }),
  envelope: envelopeSchema,
  campaign: campaignSchema.optional(),
})
export type CreateRequest = z.infer<typeof createRequestSchema>

/** What the person sees (src/shared/schemas/case-status.ts maps each staff step onto it). */
export const requestStatus = publicStatus

export const createdRequestSchema = z.object({
  requestId,
  status: requestStatus,
  slot: slotSchema.nullable(),
  deleteAfter: isoDateTime,
})
export type CreatedRequest = z.infer<typeof createdRequestSchema>

/** 409 `errors.slotTaken`: the next free slots of the same window and mode. */
export const slotTakenSchema = z.object({ error: z.literal('errors.slotTaken'), alternatives: z.array(slotSchema) })

export const credentialsSchema = z.object({ lookupId: lookupIdSchema, authKey: authKeySchema })
export type Credentials = z.infer<typeof credentialsSchema>

export const messageSchema = z.object({
  id: z.string(),
  from: z.enum(['staff', 'person']),
  sentAt: isoDateTime,
  /** Staff replies use the reply key; the person's own follow-ups are sealed to staff. */
  envelope: z.union([replyEnvelopeSchema, envelopeSchema]),
})

/** Why a booked time was taken away by the window; /status says it in the person's language. */
export const slotCancelReasons = ['staffUnavailable', 'closure', 'released'] as const
export const slotCancelReason = z.enum(slotCancelReasons, { error: 'validation.invalid' })
export type SlotCancelReason = z.infer<typeof slotCancelReason>
/** The time that was taken away (its start) and why; shown while the request has no new slot. */
export const publicSlotNoticeSchema = z.object({ reason: slotCancelReason, start: isoDateTime })
export type PublicSlotNotice = z.infer<typeof publicSlotNoticeSchema>

export const requestViewSchema = z.object({
  requestId,
  windowId,
  mode: consultationMode,
  status: requestStatus,
  slot: slotSchema.nullable(),
  messages: z.array(messageSchema),
  /** The video link, sealed with the reply key: only the receipt holder opens it (then https only). */
  video: replyEnvelopeSchema.nullable(),
  deleteAfter: isoDateTime,
  slotNotice: publicSlotNoticeSchema.nullable().optional(),
})
export type RequestView = z.infer<typeof requestViewSchema>

/** The message id is the person's own choice: it is sealed into the envelope's additional data. */
export const followUpSchema = credentialsSchema.extend({ messageId: z.uuid({ error: 'validation.invalid' }), envelope: envelopeSchema })

export const metricEventSchema = z.object({
  campaign: campaignSchema,
  event: z.enum(['scan', 'form-open', 'submitted']),
  /** The Tokyo date a count happened on, when it waited offline in the outbox (nothing finer). */
  day: z.iso.date({ error: 'validation.invalid' }).optional(),
})
