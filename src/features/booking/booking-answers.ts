import { z } from 'zod'
import { MESSAGE_MAX } from '@/shared/limits'
import { ageGroups, askers, concernIds, contactSchema, familyRelations, nicknameSchema } from '@/shared/schemas/booking-payload'
import { consultationModes } from '@/shared/schemas/common'
import { slotSchema } from '@/shared/schemas/requests'

export { concernIds }

export const contactKinds = ['none', 'email', 'phone'] as const

/** Everything the form holds. It lives in memory; it is stored only as an opted-in draft. */
export const answersSchema = z.object({
  asker: z.enum(askers).nullable().catch(null),
  relation: z.enum(familyRelations).nullable().catch(null),
  nickname: z.string().catch(''),
  ageGroup: z.enum(ageGroups).nullable().catch(null),
  mode: z.enum(consultationModes).nullable().catch(null),
  windowId: z.string().nullable().catch(null),
  slot: z.union([z.object({ kind: z.literal('slot'), slot: slotSchema }), z.object({ kind: z.literal('later') })]).nullable().catch(null),
  concerns: z.array(z.enum(concernIds)).catch([]),
  mainConcern: z.enum(concernIds).nullable().catch(null),
  message: z.string().catch(''),
  contactKind: z.enum(contactKinds).catch('none'),
  email: z.string().catch(''),
  phone: z.string().catch(''),
  safeTimes: z.string().catch(''),
  consent: z.boolean().catch(false),
})
export type Answers = z.infer<typeof answersSchema>
export type AskerVariant = (typeof askers)[number]

export function emptyAnswers(windowId: string | null = null): Answers {
  return answersSchema.parse({ windowId })
}

/** A stored draft from any older version becomes valid answers, with defaults for what is missing. */
export function restoreAnswers(raw: unknown): Answers {
  const base = typeof raw === 'object' && raw !== null ? raw : {}
  return answersSchema.parse({ ...emptyAnswers(), ...base, consent: false })
}

export const STEP_COUNT = 7
export type StepErrors = Partial<Record<string, string>>

function firstKey(result: { success: boolean; error?: { issues: Array<{ message: string }> } }): string | undefined {
  return result.success ? undefined : (result.error?.issues[0]?.message ?? 'validation.invalid')
}

/** Full-width digits are common on Japanese keyboards; the wire format wants ASCII. */
export function asciiPhone(value: string): string {
  return value.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[ー－‐]/g, '-').trim()
}

export function contactOf(answers: Answers): z.infer<typeof contactSchema> {
  if (answers.contactKind === 'email') return { kind: 'email', email: answers.email.trim() }
  if (answers.contactKind === 'phone') return { kind: 'phone', phone: asciiPhone(answers.phone), safeTimes: answers.safeTimes.trim() }
  return { kind: 'none' }
}

/** Error keys per field for one step (1-based); empty when the step may be left. */
export function validateStep(step: number, answers: Answers, windowReady: (id: string) => boolean): StepErrors {
  const errors: StepErrors = {}
  if (step === 1) {
    if (!answers.asker) errors.asker = 'validation.chooseOne'
    else if (answers.asker === 'family' && !answers.relation) errors.relation = 'validation.chooseRelation'
  }
  if (step === 2) errors.nickname = firstKey(nicknameSchema.safeParse(answers.nickname))
  if (step === 3 && !answers.mode) errors.mode = 'validation.chooseMode'
  if (step === 4) {
    if (!answers.windowId) errors.windowId = 'validation.chooseWindow'
    else if (!windowReady(answers.windowId)) errors.windowId = 'validation.windowNotReady'
  }
  if (step === 5 && !answers.slot && answers.mode !== 'letter') errors.slot = 'validation.chooseSlot'
  if (step === 6) {
    if (answers.message.length > MESSAGE_MAX) errors.message = 'validation.messageTooLong'
    if (answers.mainConcern && !answers.concerns.includes(answers.mainConcern)) errors.mainConcern = 'validation.mainConcern'
    const contact = contactSchema.safeParse(contactOf(answers))
    if (!contact.success) {
      const issue = contact.error.issues[0]
      const field = issue?.path.at(-1)
      errors[field === 'safeTimes' ? 'safeTimes' : answers.contactKind] = issue?.message ?? 'validation.invalid'
    }
  }
  if (step === 7 && !answers.consent) errors.consent = 'validation.consentRequired'
  for (const key of Object.keys(errors)) if (errors[key] === undefined) delete errors[key]
  return errors
}
