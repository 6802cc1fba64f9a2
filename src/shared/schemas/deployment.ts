import { z } from 'zod'

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.time' })

export const weekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
export type Weekday = z.infer<typeof weekdaySchema>

export const openingHoursSchema = z
  .object({ days: z.array(weekdaySchema).min(1), open: time, close: time })
  .refine((h) => h.open < h.close, { error: 'validation.hoursOrder' })
export type OpeningHours = z.infer<typeof openingHoursSchema>

export const closedDaysSchema = z.object({
  publicHolidays: z.boolean(),
  yearEnd: z.boolean(),
  extraDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
})

const localized = z.object({ ja: z.string().min(1), 'ja-easy': z.string().min(1), en: z.string().min(1) })
export type Localized = z.infer<typeof localized>

export const windowSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,32}$/),
  name: localized,
  municipality: localized,
  phone: z.string().regex(/^[0-9-]{10,13}$/).nullable(),
  email: z.email().nullable(),
  address: localized.nullable(),
  phoneHours: z.array(openingHoursSchema),
  visitHours: z.array(openingHoursSchema),
  closed: closedDaysSchema,
  source: z.string().min(1),
})
export type ConsultationWindow = z.infer<typeof windowSchema>

export const deploymentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,40}$/),
    name: localized,
    appName: z.string().min(1).max(12),
    quickExitUrl: z.url({ protocol: /^https$/ }),
    defaultWindowId: z.string(),
    windows: z.array(windowSchema).min(1),
    note: z.string(),
  })
  .refine((d) => d.windows.some((w) => w.id === d.defaultWindowId), {
    error: 'validation.defaultWindow',
    path: ['defaultWindowId'],
  })
export type Deployment = z.infer<typeof deploymentSchema>
