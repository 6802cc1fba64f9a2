import { isJapaneseHoliday } from '../../shared/hours/holiday-dates'
import { slotModes, type SlotMode } from '../../shared/schemas/availability'
import type { ConsultationWindow } from '../../shared/schemas/deployment'
import type { Slot } from '../../shared/schemas/requests'
import type { StoredAvailability } from '../staff/availability-store'
import { defaultModeAvailability, earliestBookable } from './availability-rules'

/** Per mode, the earliest start a person may book now (minimum notice), in ms. */
export function bookableFrom(window: ConsultationWindow, saved: readonly StoredAvailability[], now: Date): Record<SlotMode, number> {
  const entries = slotModes.map((mode) => {
    const settings = saved.find((s) => s.windowId === window.id && s.mode === mode)?.settings ?? defaultModeAvailability(window, mode)
    return [mode, earliestBookable(window, settings, now, isJapaneseHoliday).getTime()] as const
  })
  return Object.fromEntries(entries) as Record<SlotMode, number>
}

/** A slot a person may book now: not within the mode's minimum notice (a `letter` never has slots). */
export function isBookable(slot: Slot, earliest: Record<SlotMode, number>): boolean {
  const from = earliest[slot.mode as SlotMode]
  return from !== undefined && Date.parse(slot.start) >= from
}
