import { FOLLOW_UPS_PER_REQUEST } from '../../shared/limits'
import { tokyoDate } from './tokyo-date'

export { FOLLOW_UPS_PER_REQUEST }

/**
 * Bounds on what an anonymous receipt holder can make the database keep. Each follow-up pushes the
 * request's deletion back by the retention period, so without a cap one receipt could keep a
 * growing thread alive for ever.
 */
export const FOLLOW_UPS_PER_REQUEST_PER_DAY = 5
/** The lookup answer carries the newest messages of a thread; older ones are counted, not sent. */
export const THREAD_PAGE = 20

/** Why one more follow-up from the person is refused, or null when it fits. */
export function followUpRefusal(thread: readonly { from: string; sentAt: string }[], at: Date): { status: 413 | 429; error: string } | null {
  const own = thread.filter((m) => m.from === 'person')
  if (own.length >= FOLLOW_UPS_PER_REQUEST) return { status: 413, error: 'errors.threadFull' }
  const today = tokyoDate(at)
  if (own.filter((m) => tokyoDate(m.sentAt) === today).length >= FOLLOW_UPS_PER_REQUEST_PER_DAY) {
    return { status: 429, error: 'errors.dailyLimit' }
  }
  return null
}

export function threadPage<T>(messages: readonly T[]): { messages: T[]; earlierMessages?: number } {
  if (messages.length <= THREAD_PAGE) return { messages: [...messages] }
  return { messages: messages.slice(-THREAD_PAGE), earlierMessages: messages.length - THREAD_PAGE }
}
