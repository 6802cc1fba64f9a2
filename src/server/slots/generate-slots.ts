import { isClosedDay, type IsHoliday } from '../../shared/hours/opening-status'
import { addDays, tokyoClock, tokyoInstant, weekdayOf } from '../../shared/hours/tokyo-time'
import type { ConsultationWindow } from '../../shared/schemas/deployment'
import type { Slot } from '../../shared/schemas/requests'

/** An instant written in Asia/Tokyo time with its offset, e.g. `2026-11-24T09:00:00+09:00`. */
export function toTokyoIso(instant: Date): string {
  const clock = new Date(instant.getTime() + 9 * 60 * 60 * 1000)
  return `${clock.toISOString().slice(0, 19)}+09:00`
}

/**
 * Dated slots for `days` days from `firstDate` (a Tokyo date), from each window's weekly availability.
 * Ids are deterministic (`window-mode-YYYYMMDD-HHMM`), so inserting them again changes nothing.
 */
export function slotsFor(windows: readonly ConsultationWindow[], firstDate: string, days: number, isHoliday: IsHoliday): Slot[] {
  const slots: Slot[] = []
  for (let offset = 0; offset < days; offset++) {
    const date = addDays(firstDate, offset)
    const weekday = weekdayOf(date)
    for (const window of windows) {
      if (isClosedDay(date, window.closed, isHoliday)) continue
      for (const rule of window.availability) {
        if (!rule.days.includes(weekday)) continue
        for (const time of rule.times) {
          const start = tokyoInstant(date, time)
          slots.push({
            id: `${window.id}-${rule.mode}-${date.replaceAll('-', '')}-${time.replace(':', '')}`,
            windowId: window.id,
            mode: rule.mode,
            start: toTokyoIso(start),
            end: toTokyoIso(new Date(start.getTime() + rule.minutes * 60_000)),
          })
        }
      }
    }
  }
  return slots
}

export function todayInTokyo(now: Date): string {
  return tokyoClock(now).date
}
