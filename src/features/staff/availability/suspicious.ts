import type { StaffSlot } from '@/shared/schemas/availability'

/** Bookings made this close together, this many or more, look like one person (or a script) taking slots. */
export const BURST_MINUTES = 10
export const BURST_SIZE = 3

/** Request ids of bookings that came in a burst: at least BURST_SIZE within BURST_MINUTES of each other. */
export function burstBookings(slots: readonly StaffSlot[], minutes = BURST_MINUTES, size = BURST_SIZE): Set<string> {
  const made = slots
    .flatMap((s) => (s.booking ? [{ id: s.booking.requestId, at: Date.parse(s.booking.createdAt) }] : []))
    .sort((a, b) => a.at - b.at)
  const flagged = new Set<string>()
  let first = 0
  for (let last = 0; last < made.length; last++) {
    while (made[last]!.at - made[first]!.at > minutes * 60_000) first++
    if (last - first + 1 >= size) for (let i = first; i <= last; i++) flagged.add(made[i]!.id)
  }
  return flagged
}
