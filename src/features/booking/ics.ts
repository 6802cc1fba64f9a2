import { escapeIcsText, icsCalendar, icsTokyoStamp as tokyoStamp, icsUtcStamp } from '@/shared/ics'
import type { Slot } from '@/shared/schemas/requests'

/**
 * A calendar entry with the time and the window only: no nickname, no receipt, no request id
 * (the UID is random), so the file says nothing a calendar sync service should not learn.
 */
export function bookingIcs(slot: Slot, summary: string, location: string | null, now = new Date()): string {
  return icsCalendar('booking', [
    `UID:${crypto.randomUUID()}@tsunagu.invalid`,
    `DTSTAMP:${icsUtcStamp(now)}`,
    `DTSTART;TZID=Asia/Tokyo:${tokyoStamp(slot.start)}`,
    `DTEND;TZID=Asia/Tokyo:${tokyoStamp(slot.end)}`,
    `SUMMARY:${escapeIcsText(summary)}`,
    ...(location ? [`LOCATION:${escapeIcsText(location)}`] : []),
  ])
}
