import type { OpeningHours, Weekday } from '../schemas/deployment'
import { addDays, tokyoClock, toMinutes, weekdayOf } from './tokyo-time'

export interface ClosedDays {
  publicHolidays: boolean
  yearEnd: boolean
  extraDates: string[]
}

export type IsHoliday = (date: string) => boolean

export type OpeningStatus =
  | { kind: 'open'; closesAt: string }
  | { kind: 'closed'; next: NextOpening | null }
  | { kind: 'none' }

export interface NextOpening {
  date: string
  weekday: Weekday
  opensAt: string
  /** 0 = later today, 1 = tomorrow, otherwise further away */
  daysAhead: number
}

/** 年末年始: the closing days of Japanese public offices, 29 December to 3 January. */
export function isYearEndClosure(date: string): boolean {
  const md = date.slice(5)
  return md >= '12-29' || md <= '01-03'
}

export function isClosedDay(date: string, closed: ClosedDays, isHoliday: IsHoliday): boolean {
  return (
    (closed.publicHolidays && isHoliday(date)) ||
    (closed.yearEnd && isYearEndClosure(date)) ||
    closed.extraDates.includes(date)
  )
}

export function hoursOn(date: string, hours: OpeningHours[], closed: ClosedDays, isHoliday: IsHoliday): OpeningHours[] {
  if (isClosedDay(date, closed, isHoliday)) return []
  const weekday = weekdayOf(date)
  return hours.filter((h) => h.days.includes(weekday)).sort((a, b) => a.open.localeCompare(b.open))
}

const LOOKAHEAD_DAYS = 21

export function openingStatus(
  hours: OpeningHours[],
  closed: ClosedDays,
  now: Date,
  isHoliday: IsHoliday,
): OpeningStatus {
  if (hours.length === 0) return { kind: 'none' }
  const clock = tokyoClock(now)
  for (let day = 0; day <= LOOKAHEAD_DAYS; day++) {
    const date = addDays(clock.date, day)
    for (const h of hoursOn(date, hours, closed, isHoliday)) {
      const open = toMinutes(h.open)
      const close = toMinutes(h.close)
      if (day === 0 && clock.minutes >= open && clock.minutes < close) return { kind: 'open', closesAt: h.close }
      if (day > 0 || clock.minutes < open) {
        return { kind: 'closed', next: { date, weekday: weekdayOf(date), opensAt: h.open, daysAhead: day } }
      }
    }
  }
  return { kind: 'closed', next: null }
}

/** "08:30" → "8:30", the way times are written on Japanese notices. */
export function displayTime(hhmm: string): string {
  return hhmm.replace(/^0(\d)/, '$1')
}
