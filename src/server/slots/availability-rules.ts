import { isClosedDay, type IsHoliday } from '../../shared/hours/opening-status'
import { addDays, tokyoClock, tokyoInstant, toMinutes, weekdayOf } from '../../shared/hours/tokyo-time'
import {
  DEFAULT_HORIZON_DAYS,
  DEFAULT_NOTICE_HOURS,
  type ModeAvailability,
  type SlotMode,
  type WeeklyRule,
} from '../../shared/schemas/availability'
import type { ConsultationWindow } from '../../shared/schemas/deployment'
import type { Slot } from '../../shared/schemas/requests'

const HOUR_MS = 3_600_000

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/** An instant written in Asia/Tokyo time with its offset, e.g. `2026-11-24T09:00:00+09:00`. */
export function toTokyoIso(instant: Date): string {
  const clock = new Date(instant.getTime() + 9 * HOUR_MS)
  return `${clock.toISOString().slice(0, 19)}+09:00`
}

/**
 * deployment.json's weekly `times` as from–to rules: evenly spaced times become one rule whose gap
 * beyond the slot length is the buffer; a break (lunch) starts a new rule. Same starts, same slots.
 */
export function defaultModeAvailability(window: ConsultationWindow, mode: SlotMode): ModeAvailability {
  const rules: WeeklyRule[] = []
  for (const entry of window.availability.filter((a) => a.mode === mode)) {
    const starts = [...new Set(entry.times.map(toMinutes))].sort((a, b) => a - b)
    let run: number[] = []
    const flush = () => {
      if (run.length === 0) return
      const gap = run.length > 1 ? run[1]! - run[0]! : entry.minutes
      rules.push({ days: [...entry.days], from: hhmm(run[0]!), to: hhmm(run.at(-1)! + entry.minutes), minutes: entry.minutes, buffer: Math.min(120, gap - entry.minutes) })
      run = []
    }
    for (const start of starts) {
      const gap = run.length > 1 ? run[1]! - run[0]! : null
      const last = run.at(-1)
      const fits = last === undefined || (start - last >= entry.minutes && start - last - entry.minutes <= 120 && (gap === null || start - last === gap))
      if (!fits) flush()
      run.push(start)
    }
    flush()
  }
  return { rules, closedDates: [], specialDays: [], noticeHours: DEFAULT_NOTICE_HOURS, horizonDays: DEFAULT_HORIZON_DAYS }
}

/** Slot starts (minutes after midnight) between from and to: each slot, then its buffer. */
function startsIn(from: string, to: string, minutes: number, buffer: number): number[] {
  const starts: number[] = []
  for (let t = toMinutes(from); t + minutes <= toMinutes(to); t += minutes + buffer) starts.push(t)
  return starts
}

/** What a date offers for one mode: [start minute, length] pairs, or none on a closed day. */
export function dayPlan(window: ConsultationWindow, settings: ModeAvailability, date: string, isHoliday: IsHoliday): Array<[number, number]> {
  if (settings.closedDates.includes(date)) return []
  const special = settings.specialDays.filter((d) => d.date === date)
  const plan: Array<[number, number]> = special.flatMap((d) => startsIn(d.from, d.to, d.minutes, d.buffer).map((s): [number, number] => [s, d.minutes]))
  if (!isClosedDay(date, window.closed, isHoliday)) {
    const weekday = weekdayOf(date)
    for (const rule of settings.rules.filter((r) => r.days.includes(weekday))) {
      for (const s of startsIn(rule.from, rule.to, rule.minutes, rule.buffer)) plan.push([s, rule.minutes])
    }
  }
  const byStart = new Map<number, number>()
  for (const [start, length] of plan) if (!byStart.has(start)) byStart.set(start, length)
  return [...byStart.entries()].sort((a, b) => a[0] - b[0])
}

export interface Cancellation {
  day: string
  /** One slot's start; null for the whole day. */
  start: string | null
}

/**
 * Dated slots of one window and mode for `days` days from `firstDate` (a Tokyo date). Ids are
 * deterministic (`window-mode-YYYYMMDD-HHMM`), so making them again changes nothing.
 */
export function slotsForMode(
  window: ConsultationWindow,
  mode: SlotMode,
  settings: ModeAvailability,
  firstDate: string,
  days: number,
  isHoliday: IsHoliday,
  cancellations: readonly Cancellation[] = [],
): Slot[] {
  const cancelledDays = new Set(cancellations.filter((c) => c.start === null).map((c) => c.day))
  const cancelledStarts = new Set(cancellations.flatMap((c) => (c.start ? [c.start] : [])))
  const slots: Slot[] = []
  for (let offset = 0; offset < days; offset++) {
    const date = addDays(firstDate, offset)
    if (cancelledDays.has(date)) continue
    for (const [minute, length] of dayPlan(window, settings, date, isHoliday)) {
      const time = hhmm(minute)
      const start = tokyoInstant(date, time)
      const slot = {
        id: `${window.id}-${mode}-${date.replaceAll('-', '')}-${time.replace(':', '')}`,
        windowId: window.id,
        mode,
        start: toTokyoIso(start),
        end: toTokyoIso(new Date(start.getTime() + length * 60_000)),
      }
      if (!cancelledStarts.has(slot.start)) slots.push(slot)
    }
  }
  return slots
}

/** The window's opening periods on a date, in minutes: its phone and visit hours, else the mode's own slot hours. */
function openPeriods(window: ConsultationWindow, settings: ModeAvailability, date: string, isHoliday: IsHoliday): Array<[number, number]> {
  if (settings.closedDates.includes(date)) return []
  const special = settings.specialDays.filter((d) => d.date === date).map((d): [number, number] => [toMinutes(d.from), toMinutes(d.to)])
  if (isClosedDay(date, window.closed, isHoliday)) return special
  const weekday = weekdayOf(date)
  const hours = [...window.phoneHours, ...window.visitHours].filter((h) => h.days.includes(weekday)).map((h): [number, number] => [toMinutes(h.open), toMinutes(h.close)])
  if (window.phoneHours.length + window.visitHours.length > 0) return [...hours, ...special]
  const own = settings.rules.filter((r) => r.days.includes(weekday)).map((r): [number, number] => [toMinutes(r.from), toMinutes(r.to)])
  return [...own, ...special]
}

/**
 * Minimum notice: the earliest start a person may book now. No slot that starts within
 * `noticeHours`, nor before the window next opens (a booking made at night waits for staff).
 */
export function earliestBookable(window: ConsultationWindow, settings: ModeAvailability, now: Date, isHoliday: IsHoliday): Date {
  const byNotice = now.getTime() + settings.noticeHours * HOUR_MS
  const clock = tokyoClock(now)
  for (let day = 0; day <= 21; day++) {
    const date = addDays(clock.date, day)
    const periods = openPeriods(window, settings, date, isHoliday).sort((a, b) => a[0] - b[0])
    for (const [open, close] of periods) {
      if (day === 0 && clock.minutes >= open && clock.minutes < close) return new Date(byNotice)
      if (day > 0 || clock.minutes < open) return new Date(Math.max(byNotice, tokyoInstant(date, hhmm(open)).getTime()))
    }
  }
  return new Date(byNotice)
}
