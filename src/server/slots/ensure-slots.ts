import { isJapaneseHoliday } from '../../shared/hours/holiday-dates'
import type { Deployment } from '../../shared/schemas/deployment'
import type { Store } from '../store/store'
import { slotsFor, todayInTokyo } from './generate-slots'

/** Inserts the slots of the next `weeks` weeks; slots that already exist (booked or not) are left alone. */
export async function ensureSlots(store: Store, deployment: Deployment, weeks: number, now = new Date()): Promise<number> {
  return store.insertSlots(slotsFor(deployment.windows, todayInTokyo(now), weeks * 7, isJapaneseHoliday))
}
