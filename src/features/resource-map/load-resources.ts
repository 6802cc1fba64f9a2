import { checkEventPlaces, eventsFileSchema, placesFileSchema, type Place, type PlaceEvent } from '@/shared/schemas/places'

export interface Resources {
  places: Place[]
  events: PlaceEvent[]
}

export const DATA_URLS = { places: '/data/places.json', events: '/data/events.json' } as const

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: ${response.status}`)
  return response.json()
}

/** The open data, parsed: the service worker may hold an older copy, so nothing is trusted unparsed. */
export async function loadResources(fetchData: (url: string) => Promise<unknown> = fetchJson): Promise<Resources> {
  const [rawPlaces, rawEvents] = await Promise.all([fetchData(DATA_URLS.places), fetchData(DATA_URLS.events)])
  const places = placesFileSchema.parse(rawPlaces)
  const orphans = new Set(checkEventPlaces(places, eventsFileSchema.parse(rawEvents)))
  const events = eventsFileSchema.parse(rawEvents).filter((e) => !orphans.has(e.id))
  return { places, events }
}

let cached: Promise<Resources> | undefined
let loaded: Resources | undefined

export function resourcesOnce(): Promise<Resources> {
  cached ??= loadResources().then(
    (data) => (loaded = data),
    (error: unknown) => {
      cached = undefined
      throw error
    },
  )
  return cached
}

/** The data, if this page has loaded it already. */
export function loadedResources(): Resources | undefined {
  return loaded
}
