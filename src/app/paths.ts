/** Every URL of the app, written once. Flyer QR codes print these, so treat them as public and stable. */
export const paths = {
  home: '/',
  hurdleWho: '/who-can-consult',
  hurdleName: '/no-real-name',
  hurdleAfter: '/after-you-ask',
  hurdleWait: '/no-waiting',
  hurdleSecret: '/confidential',
  next: '/what-happens-next',
  family: '/for-families',
  safety: '/if-you-fear-being-seen',
  book: '/book',
  status: '/status',
  windows: '/windows',
} as const

export type AppPath = (typeof paths)[keyof typeof paths]

/** The public pages, precached and tested offline and with axe. */
export const publicPages: readonly AppPath[] = [
  paths.home,
  paths.hurdleWho,
  paths.hurdleName,
  paths.hurdleAfter,
  paths.hurdleWait,
  paths.hurdleSecret,
  paths.next,
  paths.family,
  paths.safety,
  paths.book,
  paths.status,
  paths.windows,
]
