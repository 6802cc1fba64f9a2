import Dexie, { type EntityTable } from 'dexie'
import { postJson } from './api'
import { COUNTS_DB_NAME } from './count-names'
import { tokyoDateKey } from './slot-format'

export type FunnelEventName = 'scan' | 'form-open' | 'submitted'

/** One count on its way: the campaign, the event and the Tokyo date, nothing else (`id` stays here). */
interface WaitingCount {
  id?: number
  campaign: string
  event: FunnelEventName
  day: string
}

class CountsDb extends Dexie {
  counts!: EntityTable<WaitingCount, 'id'>

  constructor() {
    super(COUNTS_DB_NAME)
    this.version(1).stores({ counts: '++id' })
  }
}

let db: CountsDb | null = null
const open = () => (db ??= new CountsDb())

/**
 * Written first, sent after: a count made offline (a flyer scanned in the underground, a form opened
 * with no signal) waits here and is sent once when the network returns. A count whose answer is lost
 * on the way may be sent again; the server keeps no id to tell, by design.
 */
export async function recordCount(campaign: string, event: FunnelEventName, at = new Date()): Promise<void> {
  await open().counts.add({ campaign, event, day: tokyoDateKey(at.toISOString()) })
  await flushCounts()
}

async function sendAll(): Promise<number> {
  const waiting = await open().counts.toArray()
  let left = waiting.length
  for (const count of waiting) {
    const answer = await postJson('/api/metrics', { campaign: count.campaign, event: count.event, day: count.day })
    if (answer.kind === 'network' || answer.status >= 500 || answer.status === 429) break
    // 204, or a 4xx the server will never accept: either way this count is done.
    await open().counts.delete(count.id as number)
    left--
  }
  return left
}

/** Sends what waits; pages and the service worker take turns through a Web Lock, so each count goes once. */
export function flushCounts(): Promise<number> {
  const locks = globalThis.navigator?.locks
  return locks ? locks.request(COUNTS_DB_NAME, sendAll) : sendAll()
}

let listening = false

/** On app start (when counts may wait) and whenever the device comes back online. */
export function startCountSync(): void {
  if (!listening && 'document' in globalThis) {
    listening = true
    globalThis.addEventListener('online', () => void flushCounts().catch(() => undefined))
  }
  void flushCounts().catch(() => undefined)
}
