/** RFC 5545 pieces shared by every .ics the app offers (booking confirmations, map events). */

/** Japan has no daylight saving: one STANDARD block is the whole rule set. Without it, TZID reads as floating. */
export const TOKYO_VTIMEZONE: readonly string[] = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Tokyo',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:JST',
  'END:STANDARD',
  'END:VTIMEZONE',
]

/** DTSTAMP form: UTC, seconds precision, e.g. 20261122T091500Z. */
export function icsUtcStamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`
}

/** DTSTART;TZID=Asia/Tokyo form: the wall-clock time in Tokyo, e.g. 20261124T100000. */
export function icsTokyoStamp(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 19).replace(/[-:]/g, '')
}

export function escapeIcsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded, never inside a UTF-8 character. */
export function foldIcsLine(line: string): string {
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

/** A VCALENDAR around one VEVENT's lines, with CRLF line ends and folding. */
export function icsCalendar(productId: string, eventLines: readonly string[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//tsunagu//${productId}//JA`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...TOKYO_VTIMEZONE,
    'BEGIN:VEVENT',
    ...eventLines,
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`
}
