import { useEffect, useState } from 'react'
import { fetchWindowSlots } from '@/lib/api'
import { deployment } from '@/lib/deployment'
import type { ConsultationMode } from '@/shared/schemas/common'
import { consultationModes } from '@/shared/schemas/common'
import type { Slot } from '@/shared/schemas/requests'

export type WindowTimes = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; next: Partial<Record<ConsultationMode, Slot>> }

/** The earliest open slot per mode. */
export function nextByMode(slots: readonly Slot[]): Partial<Record<ConsultationMode, Slot>> {
  const next: Partial<Record<ConsultationMode, Slot>> = {}
  for (const slot of slots) {
    const current = next[slot.mode]
    if (!current || Date.parse(slot.start) < Date.parse(current.start)) next[slot.mode] = slot
  }
  return next
}

/** The ways of talking a window offers: the modes it publishes times for, and always letters. */
export function offeredModes(windowId: string, times: WindowTimes | undefined): ConsultationMode[] {
  const window = deployment.windows.find((w) => w.id === windowId)
  const modes = new Set<ConsultationMode>(['letter', ...(window?.availability.map((a) => a.mode) ?? [])])
  if (times?.state === 'ready') for (const mode of Object.keys(times.next) as ConsultationMode[]) modes.add(mode)
  return consultationModes.filter((mode) => modes.has(mode))
}

/** The next open time of every window, per mode, for the next 14 days (one request per window). */
export function useWindowTimes(): Record<string, WindowTimes> {
  const [times, setTimes] = useState<Record<string, WindowTimes>>(() =>
    Object.fromEntries(deployment.windows.map((w) => [w.id, { state: 'loading' } as WindowTimes])),
  )
  useEffect(() => {
    let live = true
    for (const window of deployment.windows) {
      fetchWindowSlots(window.id).then(
        (slots) => live && setTimes((all) => ({ ...all, [window.id]: { state: 'ready', next: nextByMode(slots) } })),
        () => live && setTimes((all) => ({ ...all, [window.id]: { state: 'failed' } })),
      )
    }
    return () => {
      live = false
    }
  }, [])
  return times
}
