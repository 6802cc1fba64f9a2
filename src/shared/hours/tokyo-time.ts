import type { Weekday } from '../schemas/deployment'

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/** A wall-clock reading in Asia/Tokyo. Japan has had no daylight saving since 1951, so a fixed offset is exact. */
export interface TokyoClock {
  date: string
  weekday: Weekday
  minutes: number
}

export function tokyoClock(instant: Date): TokyoClock {
  const shifted = new Date(instant.getTime() + TOKYO_OFFSET_MS)
  return {
    date: shifted.toISOString().slice(0, 10),
    weekday: WEEKDAYS[shifted.getUTCDay()] as Weekday,
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  }
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] as Weekday
}

export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/** The instant at which a Tokyo wall-clock date and time occurs. */
export function tokyoInstant(date: string, hhmm: string): Date {
  return new Date(Date.parse(`${date}T${hhmm}:00+09:00`))
}
