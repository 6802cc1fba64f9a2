import { LANGUAGES } from '../lib/languages.ts'
import { languagePath } from '../shared/language-paths.ts'

/** Every URL of the app, written once. Flyer QR codes print these, so treat them as public and stable. */
export const paths = {
  home: '/',
  hurdleWho: '/who-can-consult',
  hurdleName: '/no-real-name',
  hurdleAfter: '/after-you-ask',
  hurdleWait: '/no-waiting',
  hurdleSecret: '/confidential',
  next: '/what-happens-next',
  family: '/for-families',
  safety: '/if-you-fear-being-seen',
  book: '/book',
  status: '/status',
  call: '/call',
  windows: '/windows',
  map: '/map',
  mapPlace: '/map/places/:id',
  events: '/events',
} as const

export type AppPath = (typeof paths)[keyof typeof paths]

export function placePath(id: string): string {
  return paths.mapPlace.replace(':id', encodeURIComponent(id))
}

/** One place page stands for all of them in the offline and axe tests. */
const samplePlace = /* @__PURE__ */ placePath('toshima-hikikomori-window') as AppPath

/**
 * Pages written to HTML at build time in every language (src/build/prerender.ts), so they show before
 * any script runs; the others are rendered on the device. The same page in English is `/en/…`, in
 * やさしい日本語 `/easy/…` (shared/language-paths.ts).
 */
export const prerenderedPages: readonly AppPath[] = [
  paths.home,
  paths.hurdleWho,
  paths.hurdleName,
  paths.hurdleAfter,
  paths.hurdleWait,
  paths.hurdleSecret,
  paths.next,
  paths.family,
  paths.safety,
  paths.windows,
]

/** The public pages, precached and tested offline and with axe. */
export const publicPages: readonly AppPath[] = [...prerenderedPages, paths.book, paths.status, paths.call, paths.map, samplePlace, paths.events]

/** Every pre-rendered page at its URL in every language: `/`, `/easy`, `/en`, `/who-can-consult`, … */
export const prerenderedUrls: readonly string[] = /* @__PURE__ */ LANGUAGES.flatMap((language) => prerenderedPages.map((path) => languagePath(language, path)))
