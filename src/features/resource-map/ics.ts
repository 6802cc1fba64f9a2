import { escapeIcsText, icsCalendar, icsUtcStamp } from '@/shared/ics'
import type { Place, PlaceEvent } from '@/shared/schemas/places'

const compact = (date: string) => date.replaceAll('-', '')

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

export interface IcsText {
  title: string
  location: string
  description: string
}

/** One dated event as an .ics file; times are Tokyo wall-clock with the zone spelled out, so no app reads them as floating. */
export function eventIcs(event: PlaceEvent & { date: string }, place: Place, text: IcsText, now: Date): string {
  const when =
    event.start !== undefined
      ? [`DTSTART;TZID=Asia/Tokyo:${compact(event.date)}T${event.start.replace(':', '')}00`, `DTEND;TZID=Asia/Tokyo:${compact(event.date)}T${(event.end ?? event.start).replace(':', '')}00`]
      : [`DTSTART;VALUE=DATE:${compact(event.date)}`, `DTEND;VALUE=DATE:${compact(nextDay(event.date))}`]
  return icsCalendar('resource-map', [
    `UID:${event.id}@tsunagu`,
    `DTSTAMP:${icsUtcStamp(now)}`,
    ...when,
    `SUMMARY:${escapeIcsText(text.title)}`,
    `LOCATION:${escapeIcsText(text.location)}`,
    `DESCRIPTION:${escapeIcsText(text.description)}`,
    `GEO:${place.location.lat};${place.location.lng}`,
  ])
}

export function icsHref(ics: string): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`
}
