import type { Slot } from '@/shared/schemas/requests'

/** What /status hands to /call: the meeting link and what the page shows beside it. */
export interface CallHandoff {
  videoUrl: string
  windowId: string
  slot: Slot | null
}

/**
 * Kept in this module's memory only: not in the URL (links and logs), not in storage, and not in
 * `history.state` either, which browsers write into their session-restore files. A reload or a
 * link opened from elsewhere starts without it, and quick exit, which leaves the page, ends it.
 */
let current: CallHandoff | null = null

export function handOffCall(handoff: CallHandoff): void {
  current = handoff
}

export function readCallHandoff(): CallHandoff | null {
  return current
}

export function clearCallHandoff(): void {
  current = null
}

/** 「ビデオ通話に参加する」 shows from 15 minutes before the slot until its end. */
export const JOIN_EARLY_MS = 15 * 60_000

export function isJoinOpen(slot: Pick<Slot, 'start' | 'end'>, now: number): boolean {
  return now >= Date.parse(slot.start) - JOIN_EARLY_MS && now < Date.parse(slot.end)
}
