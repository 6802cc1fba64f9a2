import { z } from 'zod'
import { MAX_RECIPIENTS } from '../limits'
import { isoDateTime, windowId } from './common'
import { envelopeSchema, sealedKeySchema, staffCertificateSchema } from './envelope'

/*
 * Re-seal and hand-over (issue 10, DESIGN §8). A staff browser opens an envelope's content key and
 * seals it to more keys; the server only adds those wraps (the ciphertext never changes) after
 * checking every new key is a certified key of the right window.
 */

/** How the person gave consent to being passed on: 電話 / 対面 / 文書 / メール / そのほか. */
export const consentMethods = ['phone', 'inPerson', 'document', 'email', 'other'] as const
export const consentMethod = z.enum(consentMethods, { error: 'validation.invalid' })
export type ConsentMethod = z.infer<typeof consentMethod>

/** The consent as sealed to the window; `id` repeats the message id, so a moved record does not match. */
export const consentPayloadSchema = z.object({
  v: z.literal(1, { error: 'validation.version' }),
  id: z.uuid({ error: 'validation.invalid' }),
  givenOn: z.iso.date({ error: 'validation.invalid' }),
  method: consentMethod,
  /** To whom or what the person agreed, in staff's words (e.g. 「文京区の窓口に引き継ぐこと」). */
  scope: z.string().trim().min(1, { error: 'validation.required' }).max(400, { error: 'validation.tooLong' }),
  notes: z.string().max(2000, { error: 'validation.tooLong' }).optional(),
  recordedAt: isoDateTime,
})
export type ConsentPayload = z.infer<typeof consentPayloadSchema>

export const consentBodySchema = z.object({ messageId: z.uuid({ error: 'validation.invalid' }), envelope: envelopeSchema })

/** The case's envelopes are the request (messageId = request id), follow-ups, notes, contacts and consents. */
export const MAX_CASE_ENVELOPES = 400
/**
 * What staff may add to one case: replies, notes and contact log entries together, and consents on
 * their own (a hand-over needs one, so a full case can still record it). The request and every
 * follow-up the person may still send must fit beside them in one re-seal or hand-over, or a long
 * case could not be passed on when its staff leave; what is left of the 400 is room for colleagues
 * adding at the same moment.
 */
export const STAFF_ENVELOPES_PER_CASE = 350
export const CONSENTS_PER_CASE = 5

/** New wraps of one envelope's content key, made in a staff browser. */
export const envelopeWrapsSchema = z.object({
  messageId: z.uuid({ error: 'validation.invalid' }),
  recipients: z.array(sealedKeySchema).min(1, { error: 'validation.required' }).max(MAX_RECIPIENTS, { error: 'validation.tooLong' }),
})
export type EnvelopeWraps = z.infer<typeof envelopeWrapsSchema>

const uniqueMessages = (list: EnvelopeWraps[]) => new Set(list.map((e) => e.messageId)).size === list.length

/** POST …/cases/:requestId/recipients: wraps for certified keys of the case's own window, added to what is there. */
export const resealBodySchema = z.object({
  envelopes: z
    .array(envelopeWrapsSchema)
    .min(1, { error: 'validation.required' })
    .max(MAX_CASE_ENVELOPES, { error: 'validation.tooLong' })
    .refine(uniqueMessages, { error: 'validation.invalid' }),
})
export type ResealBody = z.infer<typeof resealBodySchema>

/**
 * POST …/cases/:requestId/handover: every envelope of the case, each with its complete new list of
 * wraps, for the target window's certified staff keys and its pinned recovery key; the old window's
 * wraps are dropped on the server.
 */
export const handoverBodySchema = resealBodySchema.extend({ toWindowId: windowId })
export type HandoverBody = z.infer<typeof handoverBodySchema>

/** A colleague's certified key as re-seal offers it (GET …/reseal-targets); the browser checks the certificate again. */
export const resealTargetSchema = z.object({
  keyId: z.string(),
  memberId: z.string(),
  displayName: z.string(),
  publicKey: z.string(),
  fingerprint: z.string(),
  certificate: staffCertificateSchema,
})
export type ResealTarget = z.infer<typeof resealTargetSchema>
