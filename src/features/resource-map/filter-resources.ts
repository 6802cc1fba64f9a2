import { audiences, placeKinds, type Audience, type Place, type PlaceEvent, type PlaceKind } from '@/shared/schemas/places'
import { addDays } from '@/shared/hours/tokyo-time'

/** What a resident chose. Within a group any choice may match; across groups all must match. */
export interface Filters {
  kinds: PlaceKind[]
  audiences: Audience[]
  municipalities: string[]
  online: boolean
  noBooking: boolean
  free: boolean
  soon: boolean
}

export const emptyFilters: Filters = { kinds: [], audiences: [], municipalities: [], online: false, noBooking: false, free: false, soon: false }

/** 「開催日が近い」: a dated event within this many days, or an event every week or month. */
export const SOON_DAYS = 30

const FLAGS = [
  ['online', 'online'],
  ['noBooking', 'nobooking'],
  ['free', 'free'],
  ['soon', 'soon'],
] as const

/** The URL query is the filter, so a link or a QR code on a flyer opens the same view. */
export function filtersFromParams(params: URLSearchParams): Filters {
  const pick = <T extends string>(key: string, allowed: readonly T[]): T[] =>
    [...new Set(params.getAll(key))].filter((v): v is T => (allowed as readonly string[]).includes(v))
  const filters: Filters = {
    ...emptyFilters,
    kinds: pick('kind', placeKinds),
    audiences: pick('who', audiences),
    municipalities: [...new Set(params.getAll('area').filter((v) => v.trim() !== ''))],
  }
  for (const [field, key] of FLAGS) filters[field] = params.get(key) === '1'
  return filters
}

export function paramsFromFilters(filters: Filters): URLSearchParams {
  const params = new URLSearchParams()
  for (const kind of filters.kinds) params.append('kind', kind)
  for (const who of filters.audiences) params.append('who', who)
  for (const area of filters.municipalities) params.append('area', area)
  for (const [field, key] of FLAGS) if (filters[field]) params.set(key, '1')
  return params
}

export function hasFilters(filters: Filters): boolean {
  return paramsFromFilters(filters).size > 0
}

/** The next date of an event on or after `today` (YYYY-MM-DD, Tokyo), or undefined if it is past or has no date. */
export function upcomingDated(events: readonly PlaceEvent[], today: string): PlaceEvent[] {
  return events.filter((e) => e.date !== undefined && e.date >= today).sort((a, b) => (a.date as string).localeCompare(b.date as string) || a.id.localeCompare(b.id))
}

export interface EventIndex {
  /** The next dated event per place. */
  nextDate: Map<string, string>
  /** Places with an event every week or month. */
  repeating: Map<string, 'weekly' | 'monthly'>
}

export function indexEvents(events: readonly PlaceEvent[], today: string): EventIndex {
  const nextDate = new Map<string, string>()
  const repeating = new Map<string, 'weekly' | 'monthly'>()
  for (const e of events) {
    if (e.recurrence === 'weekly' || e.recurrence === 'monthly') repeating.set(e.placeId, e.recurrence)
    if (e.date !== undefined && e.date >= today) {
      const known = nextDate.get(e.placeId)
      if (known === undefined || e.date < known) nextDate.set(e.placeId, e.date)
    }
  }
  return { nextDate, repeating }
}

export function isSoon(placeId: string, index: EventIndex, today: string): boolean {
  if (index.repeating.has(placeId)) return true
  const next = index.nextDate.get(placeId)
  return next !== undefined && next <= addDays(today, SOON_DAYS)
}

export function filterPlaces(places: readonly Place[], filters: Filters, index: EventIndex, today: string): Place[] {
  const kinds = new Set(filters.kinds)
  const who = new Set(filters.audiences)
  const areas = new Set(filters.municipalities)
  return places.filter(
    (p) =>
      (kinds.size === 0 || p.kinds.some((k) => kinds.has(k))) &&
      (who.size === 0 || p.audiences.some((a) => who.has(a))) &&
      (areas.size === 0 || areas.has(p.municipality.ja)) &&
      (!filters.online || p.online) &&
      (!filters.noBooking || !p.bookingRequired) &&
      (!filters.free || p.free) &&
      (!filters.soon || isSoon(p.id, index, today)),
  )
}

/** The municipalities in the data, in the order they first appear, for the filter. */
export function municipalitiesOf(places: readonly Place[]): Array<Place['municipality']> {
  const seen = new Map<string, Place['municipality']>()
  for (const p of places) if (!seen.has(p.municipality.ja)) seen.set(p.municipality.ja, p.municipality)
  return [...seen.values()]
}

export interface Position {
  lat: number
  lng: number
}

/** Great-circle distance in km. Runs on the device only: the position never leaves it. */
export function distanceKm(a: Position, b: Position): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 12742 * Math.asin(Math.sqrt(h))
}

export function sortByDistance(places: readonly Place[], from: Position): Place[] {
  return places
    .map((p) => ({ p, d: distanceKm(from, p.location) }))
    .sort((a, b) => a.d - b.d)
    .map(({ p }) => p)
}

/** The consultation window closest to a place, for 「行く前に相談したい」. */
export function nearestWindowId(place: Place, places: readonly Place[], fallback: string): string {
  if (place.windowId) return place.windowId
  const windows = places.filter((p) => p.windowId !== undefined)
  const closest = sortByDistance(windows, place.location)[0]
  return closest?.windowId ?? fallback
}

/** Places per page of the list: a long scroll on a phone; more come on request, so a filter change stays quick with thousands of places. */
export const LIST_PAGE_SIZE = 50
