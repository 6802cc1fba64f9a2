import { isJapaneseHoliday } from '../../shared/hours/holiday-dates'
import type { IsHoliday } from '../../shared/hours/opening-status'
import { slotModes, type ModeAvailability, type SlotMode } from '../../shared/schemas/availability'
import type { ConsultationWindow, Deployment } from '../../shared/schemas/deployment'
import type { Store } from '../store/store'
import { defaultModeAvailability, slotsForMode, toTokyoIso } from './availability-rules'
import { todayInTokyo } from './generate-slots'

const DAY_MS = 86_400_000

/** The settings that apply to a window's mode: what staff saved, else deployment.json's. */
export async function availabilityOf(store: Store, window: ConsultationWindow): Promise<Map<SlotMode, { settings: ModeAvailability; updatedAt: string | null }>> {
  const saved = await store.availability.saved(window.id)
  return new Map(
    slotModes.map((mode) => {
      const row = saved.find((s) => s.mode === mode)
      return [mode, row ? { settings: row.settings, updatedAt: row.updatedAt } : { settings: defaultModeAvailability(window, mode), updatedAt: null }]
    }),
  )
}

/**
 * Makes the future open slots of one window and mode match its settings: open slots the rules no
 * longer make (or make with another length) are deleted, new ones inserted; booked slots are never
 * touched, and no new slot overlaps one.
 */
export async function regenerateSlots(store: Store, window: ConsultationWindow, mode: SlotMode, settings: ModeAvailability, now: Date, isHoliday: IsHoliday = isJapaneseHoliday) {
  const nowIso = toTokyoIso(now)
  const until = toTokyoIso(new Date(now.getTime() + settings.horizonDays * DAY_MS))
  const today = todayInTokyo(now)
  const cancellations = await store.availability.cancellations(window.id, mode, today)
  const wanted = slotsForMode(window, mode, settings, today, settings.horizonDays + 1, isHoliday, cancellations).filter((s) => s.start > nowIso && s.start < until)
  const existing = await store.availability.futureSlots(window.id, mode, nowIso)
  const booked = existing.filter((s) => s.booked)
  const wantedById = new Map(wanted.map((s) => [s.id, s]))
  const remove = existing.filter((s) => !s.booked && wantedById.get(s.id)?.end !== s.end).map((s) => s.id)
  const kept = new Set(existing.filter((s) => !remove.includes(s.id)).map((s) => s.id))
  const overlapsBooked = (s: { start: string; end: string }) => booked.some((b) => Date.parse(b.start) < Date.parse(s.end) && Date.parse(s.start) < Date.parse(b.end))
  const add = wanted.filter((s) => !kept.has(s.id) && !overlapsBooked(s))
  return store.availability.replaceOpenSlots(remove, add)
}

/** Keeps every window's slots made up to its horizon (on start and every 6 hours on Node, by the daily cron on Workers). */
export async function ensureSlots(store: Store, deployment: Deployment, now = new Date()): Promise<number> {
  let added = 0
  for (const window of deployment.windows) {
    for (const [mode, { settings }] of await availabilityOf(store, window)) added += (await regenerateSlots(store, window, mode, settings, now)).added
  }
  return added
}
