import { z } from 'zod'
import { MESSAGE_MAX, NICKNAME_MAX } from '../limits'
import { consultationMode } from './common'

export const askers = ['self', 'family', 'supporter'] as const
/**
 * The consulter's relation to the person they worry about, as the reports count 相談者:
 * `parent` means the one filling in is that person's parent (a mother asking about her son).
 */
export const familyRelations = ['parent', 'sibling', 'spouse', 'child', 'other'] as const
/** つなぐシート (Tokyo's shared intake sheet) categories, most relevant to this service first. */
export const concernIds = [
  'hikikomori',
  'relationships',
  'mind',
  'health',
  'job',
  'workTrouble',
  'income',
  'household',
  'bills',
  'rent',
  'debt',
  'loan',
  'housing',
  'food',
  'care',
  'parenting',
  'community',
  'violence',
  'other',
] as const
export const ageGroups = ['10s', '20s', '30s', '40s', '50s', '60plus', 'unknown'] as const

/** Grapheme count, so an emoji nickname counts as the person sees it. */
function graphemes(value: string): number {
  return [...new Intl.Segmenter('ja', { granularity: 'grapheme' }).segment(value)].length
}

export const nicknameSchema = z
  .string({ error: 'validation.required' })
  .trim()
  .refine((v) => graphemes(v) >= 1, { error: 'validation.nicknameRequired' })
  .refine((v) => graphemes(v) <= NICKNAME_MAX, { error: 'validation.nicknameTooLong' })

export const contactSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('email'), email: z.email({ error: 'validation.email' }) }),
  z.object({
    kind: z.literal('phone'),
    phone: z.string().regex(/^[0-9+\-() ]{10,20}$/, { error: 'validation.phone' }),
    safeTimes: z.string().max(200, { error: 'validation.tooLong' }),
  }),
])

/**
 * What the person writes. It exists in plaintext only in their browser and, after decryption,
 * in the staff member's browser: it is the plaintext of `Envelope.ciphertext`.
 */
export const bookingPayloadSchema = z.object({
  v: z.literal(1),
  asker: z.enum(askers),
  relation: z.enum(familyRelations).nullable(),
  nickname: nicknameSchema,
  ageGroup: z.enum(ageGroups).nullable(),
  mode: consultationMode,
  concerns: z.array(z.string().max(40)).max(30),
  mainConcern: z.string().max(40).nullable(),
  message: z.string().max(MESSAGE_MAX, { error: 'validation.messageTooLong' }),
  contact: contactSchema,
  /** The receipt holder's reply key (base64url), so staff can encrypt replies only they can read. */
  replyKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  writtenAt: z.iso.datetime({ offset: true }),
})
export type BookingPayload = z.infer<typeof bookingPayloadSchema>
