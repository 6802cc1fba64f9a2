import { clientsClaim } from 'workbox-core'
import { CacheableResponsePlugin } from 'workbox-cacheable-response'
import { ExpirationPlugin } from 'workbox-expiration'
import { cleanupOutdatedCaches, createHandlerBoundToURL, matchPrecache, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst, NetworkFirst } from 'workbox-strategies'
import { flushCounts, recordCount } from '@/lib/count-outbox'
import { deliverPending } from '@/lib/outbox-delivery'
import { NOTICE_SYNC_TAG, noticeMayBeOn } from '@/lib/notice-names'
import { OUTBOX_SYNC_TAG } from '@/lib/outbox-names'
import { APP_SHELL_FILE } from '@/shared/app-shell'
import { splitLanguagePath } from '@/shared/language-paths'

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> }

interface SyncEvent extends ExtendableEvent {
  readonly tag: string
}

// A new version waits for the person's consent (the update banner sends this message).
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})
clientsClaim()

// A QR code's page (`/?src=flyer-3`) is the same pre-rendered page offline: the app reads the query.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] })
cleanupOutdatedCaches()
// The same pages in やさしい日本語 and English (`/easy/…`, `/en/…`) are not precached: three copies of
// every page would outgrow the precache budget, and a reader reads one language. They come from the
// network and are kept; offline, a kept copy, or else the shell, which renders the page in that
// language from the precached text. Kept copies name the assets of this version: a new one drops them.
const PAGES_CACHE = 'pages'
// One copy per page, whatever the query (`?src=flyer-3`): the app reads the query, not the HTML.
const prefixedPages = new NetworkFirst({
  cacheName: PAGES_CACHE,
  networkTimeoutSeconds: 5,
  plugins: [
    new CacheableResponsePlugin({ statuses: [200] }),
    { cacheKeyWillBeUsed: async ({ request }) => new URL(request.url).origin + new URL(request.url).pathname },
  ],
})
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && splitLanguagePath(url.pathname).language !== 'ja',
  async (options) => {
    try {
      return await prefixedPages.handle(options)
    } catch {
      return (await matchPrecache(`/${APP_SHELL_FILE}`)) ?? Response.error()
    }
  },
)
self.addEventListener('activate', (event) => event.waitUntil(caches.delete(PAGES_CACHE)))

// Pre-rendered Japanese pages are precached as `<page>.html` and served for `/<page>` (Workbox's
// cleanURLs); any other page of the app starts from the empty shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL(`/${APP_SHELL_FILE}`), { denylist: [/^\/api\//, /^\/q\//] }))

// A flyer's short link goes to the server, which counts the scan and knows the campaign's page.
// With no network, the home page opens at once (precached) with the campaign, and the scan waits
// in the count outbox until the network returns (sent by a page, or by Background Sync here).
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.pathname.startsWith('/q/'),
  async ({ request, url }) => {
    try {
      return await fetch(request)
    } catch {
      const code = /^\/q\/([a-z0-9-]{1,32})$/.exec(url.pathname)?.[1]
      if (!code) return Response.redirect('/', 302)
      await recordCount(code, 'scan').catch(() => undefined)
      await (self.registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(OUTBOX_SYNC_TAG).catch(() => undefined)
      return Response.redirect(`/?src=${code}`, 302)
    }
  },
)

// Map tiles (served by the app's own /tiles proxy) already seen stay usable offline, bounded in
// count and age (quick exit deletes this cache).
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/tiles/'),
  new CacheFirst({
    cacheName: 'map-tiles',
    plugins: [
      new ExpirationPlugin({ maxEntries: 500, maxAgeSeconds: 30 * 24 * 60 * 60, purgeOnQuotaError: true }),
      new CacheableResponsePlugin({ statuses: [200] }),
    ],
  }),
)

// The open-data files (/data/*.csv) are for people who reuse the list of places, not for finding
// one: not precached, which would cost every visitor about 100 kB, but kept once downloaded (the
// map itself reads the precached JSON). Quick exit deletes this cache with the others.
registerRoute(
  ({ url }) => url.origin === self.location.origin && /^\/data\/[a-z-]+\.csv$/.test(url.pathname),
  new NetworkFirst({ cacheName: 'open-data', networkTimeoutSeconds: 5, plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
)

// Background Sync: the browser wakes the worker when the network is back, even with no page open.
// Rejecting while a request still waits makes the browser try again later.
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent
  if (sync.tag !== OUTBOX_SYNC_TAG) return
  sync.waitUntil(
    Promise.all([deliverPending(), flushCounts().catch(() => 1)]).then(([waiting, counts]) => {
      if (waiting + counts > 0) throw new Error(`${waiting} request(s) and ${counts} count(s) still waiting for the network`)
    }),
  )
})

// Periodic Background Sync (installed Chromium-based apps): look for a staff reply for the bookings
// the person asked to be told about. Nothing at all unless the notice was turned on on this device.
self.addEventListener('periodicsync', (event) => {
  const sync = event as SyncEvent
  if (sync.tag !== NOTICE_SYNC_TAG) return
  sync.waitUntil(noticeMayBeOn().then(async (on) => (on ? (await import('@/lib/reply-notice')).checkReplies() : false)))
})
