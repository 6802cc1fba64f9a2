import { holidayDates } from 'virtual:jp-holidays'
import type { ConsultationWindow } from '@/shared/schemas/deployment'
import { openingStatus, type OpeningStatus } from '@/shared/hours/opening-status'

export function phoneStatusOf(window: ConsultationWindow, now: Date): OpeningStatus {
  return openingStatus(window.phoneHours, window.closed, now, (date) => holidayDates.has(date))
}
