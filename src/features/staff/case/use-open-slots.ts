import { useCallback, useEffect, useState } from 'react'
import { fetchSlots } from '@/lib/api'
import { formatDay, formatTime, groupByDay } from '@/lib/slot-format'
import type { Slot } from '@/shared/schemas/requests'

export type OpenSlots = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; days: Array<{ day: string; label: string; slots: Slot[] }> }

export const slotTimes = (slot: Slot) => ({ day: formatDay(slot.start, 'ja'), start: formatTime(slot.start), end: formatTime(slot.end) })

/** The open slots of a window and mode in the next 14 days (the public list), grouped by Tokyo day; `refresh` after a 409. */
export function useOpenSlots(windowId: string, mode: string | null): { slots: OpenSlots; refresh: () => void } {
  const [slots, setSlots] = useState<OpenSlots>({ state: 'loading' })
  const [round, setRound] = useState(0)
  useEffect(() => {
    if (!mode || mode === 'letter') return
    let live = true
    setSlots({ state: 'loading' })
    fetchSlots(windowId, mode).then(
      (found) => live && setSlots({ state: 'ready', days: groupByDay(found).map((g) => ({ ...g, label: formatDay(g.slots[0]!.start, 'ja') })) }),
      () => live && setSlots({ state: 'failed' }),
    )
    return () => {
      live = false
    }
  }, [windowId, mode, round])
  const refresh = useCallback(() => setRound((n) => n + 1), [])
  return { slots, refresh }
}
