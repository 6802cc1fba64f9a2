import Dexie, { type EntityTable } from 'dexie'
import type { Credentials } from '@/shared/schemas/requests'
import { postJson } from './api'
import { NOTICE_DB_NAME, NOTICE_SYNC_TAG, NOTICE_TEXT } from './notice-names'

/** One booking watched on this device: its lookup credentials and how many staff replies were seen. */
interface Watch {
  lookupId: string
  authKey: string
  seen: number
  fresh: boolean
}

class NoticeDb extends Dexie {
  watches!: EntityTable<Watch, 'lookupId'>

  constructor() {
    super(NOTICE_DB_NAME)
    this.version(1).stores({ watches: 'lookupId' })
  }
}

let db: NoticeDb | null = null
const open = () => (db ??= new NoticeDb())

type Registration = ServiceWorkerRegistration & {
  periodicSync?: { register(tag: string, options: { minInterval: number }): Promise<void>; unregister(tag: string): Promise<void> }
}

async function registration(): Promise<Registration | null> {
  const container = globalThis.navigator?.serviceWorker
  if (!container) return (globalThis as { registration?: Registration }).registration ?? null
  return ((await container.getRegistration().catch(() => undefined)) as Registration | undefined) ?? null
}

/** The app icon's badge (Badging API), in pages and in the service worker alike. */
function badge(): { setAppBadge?: () => Promise<void>; clearAppBadge?: () => Promise<void> } | undefined {
  return globalThis.navigator as unknown as ReturnType<typeof badge>
}

export async function isWatching(lookupId: string): Promise<boolean> {
  return (await open().watches.get(lookupId)) !== undefined
}

/** Turns the notice on for a booking; `seen` is the number of staff replies already read. */
export async function watchReplies(credentials: Credentials, seen: number): Promise<void> {
  await open().watches.put({ lookupId: credentials.lookupId, authKey: credentials.authKey, seen, fresh: false })
  try {
    // Installed Chromium-based apps only; the browser decides how often (at most about twice a day).
    await (await registration())?.periodicSync?.register(NOTICE_SYNC_TAG, { minInterval: 12 * 60 * 60 * 1000 })
  } catch {
    // Not installed, or not supported: the check on app open still works.
  }
}

/** Turns it off; with nothing left to watch, the database itself goes, so nothing lingers. */
export async function stopWatching(lookupId: string): Promise<void> {
  await open().watches.delete(lookupId)
  if ((await open().watches.count()) > 0) return
  open().close()
  db = null
  await Dexie.delete(NOTICE_DB_NAME)
  await (await registration())?.periodicSync?.unregister(NOTICE_SYNC_TAG).catch(() => undefined)
  await badge()?.clearAppBadge?.().catch(() => undefined)
}

/** The person read the replies on /status. */
export async function markSeen(lookupId: string, staffReplies: number): Promise<void> {
  await open().watches.update(lookupId, { seen: staffReplies, fresh: false })
  if ((await open().watches.filter((w) => w.fresh).count()) === 0) {
    await badge()?.clearAppBadge?.().catch(() => undefined)
  }
}

/**
 * Asks the server about each watched booking (the same lookup as /status) and answers whether a
 * staff reply is new. A newly found reply sets the app badge and, if the person allowed
 * notifications, shows one that says only 「新しいお知らせがあります」. No push service is involved.
 */
export async function checkReplies(): Promise<boolean> {
  let newlyFresh = false
  for (const watch of await open().watches.toArray()) {
    const answer = await postJson('/api/requests/lookup', { lookupId: watch.lookupId, authKey: watch.authKey })
    // Not found may be a booking still waiting in the outbox: keep watching (cancel or off removes it).
    if (answer.kind !== 'ok') continue
    const messages = (answer.body as { messages?: Array<{ from?: unknown }> } | null)?.messages ?? []
    const replies = messages.filter((m) => m.from === 'staff').length
    if (replies > watch.seen && !watch.fresh) {
      await open().watches.update(watch.lookupId, { fresh: true })
      newlyFresh = true
    }
  }
  const fresh = (await open().watches.filter((w) => w.fresh).count()) > 0
  if (fresh) await badge()?.setAppBadge?.().catch(() => undefined)
  if (newlyFresh && globalThis.Notification?.permission === 'granted') {
    await (await registration())?.showNotification(NOTICE_TEXT, { tag: NOTICE_SYNC_TAG }).catch(() => undefined)
  }
  return fresh
}
