import type { Place, PlaceEvent } from '@/shared/schemas/places'

const VTIMEZONE = ['BEGIN:VTIMEZONE', 'TZID:Asia/Tokyo', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0900', 'TZOFFSETTO:+0900', 'TZNAME:JST', 'END:STANDARD', 'END:VTIMEZONE']

function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** RFC 5545 folds lines longer than 75 octets; never split a UTF-8 character. */
function fold(line: string): string {
  const encoder = new TextEncoder()
  const parts: string[] = []
  let current = ''
  let size = 0
  for (const ch of line) {
    const bytes = encoder.encode(ch).length
    if (size + bytes > (parts.length === 0 ? 75 : 74)) {
      parts.push(current)
      current = ''
      size = 0
    }
    current += ch
    size += bytes
  }
  parts.push(current)
  return parts.join('\r\n ')
}

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
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  const when =
    event.start !== undefined
      ? [`DTSTART;TZID=Asia/Tokyo:${compact(event.date)}T${event.start.replace(':', '')}00`, `DTEND;TZID=Asia/Tokyo:${compact(event.date)}T${(event.end ?? event.start).replace(':', '')}00`]
      : [`DTSTART;VALUE=DATE:${compact(event.date)}`, `DTEND;VALUE=DATE:${compact(nextDay(event.date))}`]
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//tsunagu//resource-map//JA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${event.id}@tsunagu`,
    `DTSTAMP:${stamp}`,
    ...when,
    `SUMMARY:${escapeText(text.title)}`,
    `LOCATION:${escapeText(text.location)}`,
    `DESCRIPTION:${escapeText(text.description)}`,
    `GEO:${place.location.lat};${place.location.lng}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map(fold).join('\r\n') + '\r\n'
}

export function icsHref(ics: string): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`
}
