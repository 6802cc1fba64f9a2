import { z } from 'zod'

/** Unpadded base64url, the encoding of every binary value on the wire. */
export const base64url = (maxChars: number) =>
  z.string({ error: 'validation.invalid' }).regex(/^[A-Za-z0-9_-]+$/, { error: 'validation.invalid' }).max(maxChars, { error: 'validation.tooLong' })

export const windowId = z.string({ error: 'validation.required' }).regex(/^[a-z0-9-]{2,32}$/, { error: 'validation.invalid' })
export const requestId = z.uuid({ error: 'validation.invalid' })
export const isoDateTime = z.iso.datetime({ offset: true, error: 'validation.invalid' })

export const consultationModes = ['phone', 'visit', 'video', 'letter'] as const
export const consultationMode = z.enum(consultationModes, { error: 'validation.invalid' })
export type ConsultationMode = z.infer<typeof consultationMode>

/** Every error body of the API: an i18n key, never prose; field issues carry keys too. */
export const apiErrorSchema = z.object({
  error: z.string(),
  fields: z.array(z.object({ path: z.string(), key: z.string() })).optional(),
})
export type ApiError = z.infer<typeof apiErrorSchema>
