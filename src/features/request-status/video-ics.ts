import { escapeIcsText, icsCalendar, icsTokyoStamp, icsUtcStamp } from '@/shared/ics'
import type { Slot } from '@/shared/schemas/requests'

/**
 * The calendar entry of a video booking: time and window, and the meeting link only when the person
 * asked for it (a calendar may sync to a shared family or work account). Random UID, no nickname.
 */
export function videoBookingIcs(slot: Slot, summary: string, link: string | null, now = new Date()): string {
  return icsCalendar('video', [
    `UID:${crypto.randomUUID()}@tsunagu.invalid`,
    `DTSTAMP:${icsUtcStamp(now)}`,
    `DTSTART;TZID=Asia/Tokyo:${icsTokyoStamp(slot.start)}`,
    `DTEND;TZID=Asia/Tokyo:${icsTokyoStamp(slot.end)}`,
    `SUMMARY:${escapeIcsText(summary)}`,
    ...(link ? [`URL:${link}`, `DESCRIPTION:${escapeIcsText(link)}`] : []),
  ])
}
