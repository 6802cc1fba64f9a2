import { z } from 'zod'
import { hasKanji, kanjiWithoutReading, rubyFromReading } from '../furigana.ts'

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.time' })

export const weekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
export type Weekday = z.infer<typeof weekdaySchema>

export const openingHoursSchema = z
  .object({ days: z.array(weekdaySchema).min(1), open: time, close: time })
  .refine((h) => h.open < h.close, { error: 'validation.hoursOrder' })
export type OpeningHours = z.infer<typeof openingHoursSchema>

/**
 * Bookable slots per week for one consultation mode: each time on each day starts a slot of
 * `minutes`. The server turns this into dated slots (src/server/slots/), skipping closed days.
 */
export const availabilitySchema = z.object({
  mode: z.enum(['phone', 'visit', 'video']),
  days: z.array(weekdaySchema).min(1),
  times: z.array(time).min(1),
  minutes: z.number().int().min(10).max(240),
  note: z.string().optional(),
})
export type Availability = z.infer<typeof availabilitySchema>

export const closedDaysSchema = z.object({
  publicHolidays: z.boolean(),
  yearEnd: z.boolean(),
  extraDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
})

/** A public key pinned in deployment.json: raw uncompressed P-256 (65 bytes) in base64url, with its id and fingerprint. */
export const pinnedKeySchema = z.object({
  keyId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/),
  fingerprint: z.string(),
})
export type PinnedKey = z.infer<typeof pinnedKeySchema>

/** やさしい日本語 pages show `ja-easy`: every kanji in it carries its reading as `{漢字|かんじ}`. */
const easyText = z
  .string()
  .min(1)
  .refine((text) => kanjiWithoutReading(text).length === 0, { error: 'validation.easyWithoutReading' })
const localized = z.object({ ja: z.string().min(1), 'ja-easy': easyText, en: z.string().min(1) })

/** A name shown as it is in every language (a source, a tile attribution) carries its kana reading when it has kanji. */
function readingOf<T extends Record<string, unknown>>(textKey: keyof T & string, kanaKey: keyof T & string) {
  return (value: T, ctx: z.RefinementCtx) => {
    const text = value[textKey] as string
    const kana = value[kanaKey] as string | undefined
    if (kana === undefined ? hasKanji(text) : rubyFromReading(text, kana) === null)
      ctx.addIssue({ code: 'custom', message: kana === undefined ? 'validation.readingMissing' : 'validation.readingMismatch', path: [kanaKey] })
  }
}
export type Localized = z.infer<typeof localized>

const windowObject = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,32}$/),
  name: localized,
  municipality: localized,
  phone: z.string().regex(/^[0-9-]{10,13}$/).nullable(),
  email: z.email().nullable(),
  address: localized.nullable(),
  phoneHours: z.array(openingHoursSchema),
  visitHours: z.array(openingHoursSchema),
  closed: closedDaysSchema,
  availability: z.array(availabilitySchema).default([]),
  /** The window's recovery (escrow) public key, ECDH P-256; its private half is kept offline (DESIGN §4). */
  recoveryKey: pinnedKeySchema.nullable().default(null),
  /**
   * The window's certification public key, ECDSA P-256, pinned in the built app: the public form
   * seals only to staff keys it has signed. Made with the recovery key by `npm run admin -- init-window`.
   */
  certificationKey: pinnedKeySchema.nullable().default(null),
  source: z.string().min(1),
  /** The source's reading (hiragana or katakana), for やさしい日本語 pages. */
  sourceKana: z.string().min(1).optional(),
})
export const windowSchema = windowObject.superRefine(readingOf<z.infer<typeof windowObject>>('source', 'sourceKana'))
export type ConsultationWindow = z.infer<typeof windowSchema>

/** Map tiles: GSI (地理院タイル) by default. The server fetches them (src/server/tiles); browsers never ask this origin. */
const mapObject = z.object({
  tileUrl: z.url({ protocol: /^https$/ }).refine((u) => u.includes('{z}') && u.includes('{x}') && u.includes('{y}')),
  attribution: z.string().min(1),
  attributionKana: z.string().min(1).optional(),
  attributionUrl: z.url({ protocol: /^https$/ }),
  maxZoom: z.number().int().min(1).max(20),
  center: z.tuple([z.number().min(20).max(46), z.number().min(122).max(154)]),
  zoom: z.number().int().min(1).max(20),
})
export const mapConfigSchema = mapObject.superRefine(readingOf<z.infer<typeof mapObject>>('attribution', 'attributionKana'))
export type MapConfig = z.infer<typeof mapConfigSchema>

export function tileOrigin(map: MapConfig): string {
  return new URL(map.tileUrl.replace(/\{[a-z]\}/g, '0')).origin
}

/**
 * How staff get a video link (src/shared/video-link.ts): a room on the deployment's own Jitsi Meet
 * server, or only links pasted by staff (`link`: Zoom, Teams, Webex, LINE WORKS …).
 */
export const videoConfigSchema = z.object({
  provider: z.enum(['jitsi', 'link']),
  baseUrl: z.url({ protocol: /^https$/ }).refine((u) => !/[?#]/.test(u), { error: 'validation.invalid' }),
})
export type VideoConfig = z.infer<typeof videoConfigSchema>
export const DEFAULT_VIDEO_CONFIG: VideoConfig = { provider: 'jitsi', baseUrl: 'https://meet.jit.si' }

export const deploymentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,40}$/),
    name: localized,
    appName: z.string().min(1).max(12),
    quickExitUrl: z.url({ protocol: /^https$/ }),
    defaultWindowId: z.string(),
    windows: z.array(windowSchema).min(1),
    map: mapConfigSchema,
    video: videoConfigSchema.default(DEFAULT_VIDEO_CONFIG),
    note: z.string(),
  })
  .refine((d) => d.windows.some((w) => w.id === d.defaultWindowId), {
    error: 'validation.defaultWindow',
    path: ['defaultWindowId'],
  })
export type Deployment = z.infer<typeof deploymentSchema>
