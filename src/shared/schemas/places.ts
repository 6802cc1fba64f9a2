import { z } from 'zod'
import { hasKanji, kanjiWithoutReading, rubyFromReading } from '../furigana.ts'

/** Stable ids; the labels live in the `map` locale namespace (`kind.<id>`, `audience.<id>`). */
export const placeKinds = ['consultation', 'ibasho', 'family', 'women', 'work', 'health', 'education'] as const
export const audiences = ['self', 'family', 'women', 'youth', 'middle'] as const
export const recurrences = ['weekly', 'monthly', 'regular'] as const
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

export type PlaceKind = (typeof placeKinds)[number]
export type Audience = (typeof audiences)[number]

const id = z.string().regex(/^[a-z0-9-]{2,48}$/, { error: 'validation.invalid' })
const text = z.string().trim().min(1).max(2000)
/**
 * Data text: Japanese always; its kana reading (`kana`, as an Excel フリガナ column), やさしい日本語
 * (with `{漢字|かんじ}`) and English when written. やさしい日本語 pages show `ja-easy`, else the
 * Japanese with the reading over its kanji, else the Japanese.
 */
const dataTextObject = z.object({ ja: text, kana: text.optional(), 'ja-easy': text.optional(), en: text.optional() }).strict()
type DataTextShape = z.infer<typeof dataTextObject>

function checkReadings(value: DataTextShape, ctx: z.RefinementCtx): void {
  if (value.kana !== undefined && rubyFromReading(value.ja, value.kana) === null) ctx.addIssue({ code: 'custom', message: 'validation.readingMismatch', path: ['kana'] })
  if (value['ja-easy'] !== undefined && kanjiWithoutReading(value['ja-easy']).length > 0) ctx.addIssue({ code: 'custom', message: 'validation.easyWithoutReading', path: ['ja-easy'] })
}

export const dataTextSchema = dataTextObject.superRefine(checkReadings)
export type DataText = z.infer<typeof dataTextSchema>

/** A name (of a place, an event, a source): with kanji, its reading is required. */
export const nameTextSchema = dataTextObject.superRefine((value, ctx) => {
  checkReadings(value, ctx)
  if (value.kana === undefined && hasKanji(value.ja)) ctx.addIssue({ code: 'custom', message: 'validation.readingMissing', path: ['kana'] })
})

/** A day (YYYY-MM-DD), or only the month or year when the source gives no more. */
export const sourceDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, { error: 'validation.date' })
export const isoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'validation.date' })
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.time' })

/** The source document's title, with its kana reading when it has kanji (shown on やさしい日本語 pages). */
export const sourceSchema = z
  .object({ document: text, kana: text.optional(), date: sourceDate })
  .strict()
  .superRefine((value, ctx) => {
    if (value.kana === undefined ? hasKanji(value.document) : rubyFromReading(value.document, value.kana) === null)
      ctx.addIssue({ code: 'custom', message: value.kana === undefined ? 'validation.readingMissing' : 'validation.readingMismatch', path: ['kana'] })
  })

export const placeSchema = z
  .object({
    id,
    name: nameTextSchema,
    kinds: z.array(z.enum(placeKinds)).min(1),
    municipality: dataTextSchema,
    address: dataTextSchema.optional(),
    /** Ward or city centroid or a landmark: never a door. The UI says so. */
    location: z.object({ lat: z.number().min(20).max(46), lng: z.number().min(122).max(154), approximate: z.literal(true) }).strict(),
    audiences: z.array(z.enum(audiences)).min(1),
    bookingRequired: z.boolean(),
    free: z.boolean(),
    cost: dataTextSchema.optional(),
    inPerson: z.boolean(),
    online: z.boolean(),
    contact: z
      .object({
        phone: z.string().regex(/^[0-9-]{9,13}$/).optional(),
        email: z.email().optional(),
        url: z.url({ protocol: /^https?$/ }).optional(),
        note: dataTextSchema.optional(),
      })
      .strict(),
    about: dataTextSchema,
    /** 「どんな雰囲気？」: can I just sit, must I talk, who will be there. */
    mood: dataTextSchema,
    access: dataTextSchema.optional(),
    /** A consultation window of the deployment that this place is (for 「行く前に相談したい」). */
    windowId: id.optional(),
    source: sourceSchema,
  })
  .strict()
export type Place = z.infer<typeof placeSchema>

export const eventSchema = z
  .object({
    id,
    placeId: id,
    title: nameTextSchema,
    date: isoDay.optional(),
    recurrence: z.enum(recurrences).optional(),
    weekday: z.enum(weekdays).optional(),
    start: clock.optional(),
    end: clock.optional(),
    note: dataTextSchema.optional(),
    source: sourceSchema,
  })
  .strict()
  .refine((e) => (e.date === undefined) !== (e.recurrence === undefined), { error: 'validation.dateOrRecurrence', path: ['date'] })
  .refine((e) => !(e.start && e.end) || e.start < e.end, { error: 'validation.hoursOrder', path: ['end'] })
export type PlaceEvent = z.infer<typeof eventSchema>

function uniqueIds(items: ReadonlyArray<{ id: string }>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>()
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: 'validation.duplicateId', path: [index, 'id'] })
    seen.add(item.id)
  })
}

export const placesFileSchema = z.array(placeSchema).superRefine(uniqueIds)
export const eventsFileSchema = z.array(eventSchema).superRefine(uniqueIds)

/** Both files together: every event belongs to a known place. */
export function checkEventPlaces(places: readonly Place[], events: readonly PlaceEvent[]): string[] {
  const known = new Set(places.map((p) => p.id))
  return events.filter((e) => !known.has(e.placeId)).map((e) => e.id)
}
