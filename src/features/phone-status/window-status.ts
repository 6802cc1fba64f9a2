import { holidayDates } from 'virtual:jp-holidays'
import type { ConsultationWindow } from '@/shared/schemas/deployment'
import { isClosedDay, openingStatus, type OpeningStatus } from '@/shared/hours/opening-status'
import { addDays, tokyoClock } from '@/shared/hours/tokyo-time'

/** What the phone line needs of a window: every page has the default one (virtual:shell-config). */
export type PhoneWindow = Pick<ConsultationWindow, 'name' | 'phone' | 'phoneHours' | 'closed'>

const isHoliday = (date: string) => holidayDates.has(date)

export function phoneStatusOf(window: PhoneWindow, now: Date): OpeningStatus {
  return openingStatus(window.phoneHours, window.closed, now, isHoliday)
}

/** True when a public holiday, 年末年始 or an extra closed date falls between today and the next opening. */
export function spansSpecialClosure(window: PhoneWindow, now: Date, daysAhead: number): boolean {
  const today = tokyoClock(now).date
  for (let day = 0; day < daysAhead; day++) {
    if (isClosedDay(addDays(today, day), window.closed, isHoliday)) return true
  }
  return false
}
