import type { Slot } from '@/shared/schemas/requests'

/** Japan has no daylight saving: one STANDARD block is the whole rule set. */
const VTIMEZONE = ['BEGIN:VTIMEZONE', 'TZID:Asia/Tokyo', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0900', 'TZOFFSETTO:+0900', 'TZNAME:JST', 'END:STANDARD', 'END:VTIMEZONE']

function tokyoStamp(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 9 * 3_600_000).toISOString()
  return shifted.slice(0, 19).replace(/[-:]/g, '')
}

function utcStamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`
}

function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded, never inside a UTF-8 character. */
function fold(line: string): string {
  const encoder = new TextEncoder()
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/**
 * A calendar entry with the time and the window only: no nickname, no receipt, no request id
 * (the UID is random), so the file says nothing a calendar sync service should not learn.
 */
export function bookingIcs(slot: Slot, summary: string, location: string | null, now = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//tsunagu//booking//JA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${crypto.randomUUID()}@tsunagu.invalid`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=Asia/Tokyo:${tokyoStamp(slot.start)}`,
    `DTEND;TZID=Asia/Tokyo:${tokyoStamp(slot.end)}`,
    `SUMMARY:${escapeText(summary)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(fold).join('\r\n')}\r\n`
}
