import type { IsHoliday } from '../../shared/hours/opening-status'
import { tokyoClock } from '../../shared/hours/tokyo-time'
import { slotModes } from '../../shared/schemas/availability'
import type { ConsultationWindow } from '../../shared/schemas/deployment'
import type { Slot } from '../../shared/schemas/requests'
import { defaultModeAvailability, slotsForMode, toTokyoIso } from './availability-rules'

export { toTokyoIso }

/**
 * Dated slots for `days` days from `firstDate` (a Tokyo date) from deployment.json's weekly
 * availability (the values before staff save their own; src/server/staff/availability-store.ts).
 * Ids are deterministic (`window-mode-YYYYMMDD-HHMM`), so inserting them again changes nothing.
 */
export function slotsFor(windows: readonly ConsultationWindow[], firstDate: string, days: number, isHoliday: IsHoliday): Slot[] {
  return windows
    .flatMap((window) => slotModes.flatMap((mode) => slotsForMode(window, mode, defaultModeAvailability(window, mode), firstDate, days, isHoliday)))
    .sort((a, b) => a.start.localeCompare(b.start))
}

export function todayInTokyo(now: Date): string {
  return tokyoClock(now).date
}
