import { eventSchema, placeSchema, type Place, type PlaceEvent } from '../schemas/places'
import { csvFromRecords, recordsFromCsv, type ParseResult } from './convert'
import { parseCsv } from './csv'
import { eventColumns, placeColumns } from './tables'

export function placesFromCsv(text: string): ParseResult<Place> {
  return recordsFromCsv(text, placeColumns, placeSchema, (raw) => {
    if (raw.location && typeof raw.location === 'object') (raw.location as Record<string, unknown>).approximate = true
    raw.contact ??= {}
  })
}

/** Events are checked against the places they belong to, so a typo in place_id is caught before publishing. */
export function eventsFromCsv(text: string, places: readonly Place[]): ParseResult<PlaceEvent> {
  const result = recordsFromCsv(text, eventColumns, eventSchema)
  if (!result.ok) return result
  const known = new Set(places.map((p) => p.id))
  const [head, ...rows] = parseCsv(text)
  const idColumn = head?.cells.map((h) => h.trim()).indexOf('id') ?? 0
  const lineOf = new Map(rows.map((r) => [r.cells[idColumn]?.trim() ?? '', r.line]))
  const errors = result.items
    .filter((e) => !known.has(e.placeId))
    .map((e) => {
      const line = lineOf.get(e.id) ?? 0
      return { line, message: `${line}行目: 「place_id」の「${e.placeId}」という場所がありません。` }
    })
  return errors.length > 0 ? { ok: false, errors } : result
}

export const placesToCsv = (places: readonly Place[]): string => csvFromRecords(places, placeColumns)
export const eventsToCsv = (events: readonly PlaceEvent[]): string => csvFromRecords(events, eventColumns)
