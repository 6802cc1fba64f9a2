import type { Context, MiddlewareHandler } from 'hono'
import { limitKeyOf } from './client-address'
import { jsonBody } from './read-json'
import { sha256, toBase64url, type Sha256 } from './hash'

/**
 * Anonymous POSTs are counted in separate budgets, so a flood of receipt guesses cannot use up the
 * budget for bookings (and the other way round): `booking` is POST /api/requests, `lookup` is lookup,
 * cancel and follow-up messages (the receipt-checking routes), `metrics` the anonymous counters.
 */
export type LimitBucket = 'booking' | 'lookup' | 'metrics' | 'other'

export function bucketOf(path: string): LimitBucket {
  if (path === '/api/requests' || path === '/api/requests/') return 'booking'
  if (/^\/api\/requests\/(lookup|cancel|messages)\/?$/.test(path)) return 'lookup'
  if (path.startsWith('/api/metrics')) return 'metrics'
  return 'other'
}

/** A per-client count for the day (Tokyo), e.g. slots booked. */
export interface DailyCap {
  reached(c: Context): Promise<boolean>
  add(c: Context): Promise<void>
}

/**
 * What one client may add per Tokyo day, apart from the per-minute budgets: slots booked, requests
 * stored (with or without a slot), follow-up messages. Together they bound the database growth one
 * client can cause per day.
 */
export type DailyKind = 'slot' | 'request' | 'message'

/** Says whether one more anonymous request from this client is allowed now in this bucket. */
export interface RateLimiter {
  allow(c: Context, bucket: LimitBucket): Promise<boolean>
  daily?: Partial<Record<DailyKind, DailyCap>>
}

export interface MemoryLimiterOptions {
  /** Per minute (per window) for every bucket not named in `limits`. */
  limit: number
  limits?: Partial<Record<LimitBucket, number>>
  windowMs: number
  /** Per client and Tokyo day; a kind left out has no daily cap. */
  perDay?: Partial<Record<DailyKind, number>>
  /** The client's address; used only to derive a salted hash, never stored or logged. IPv6 counts by /64. */
  clientAddress: (c: Context) => string | undefined
  now?: () => number
  /** WebCrypto by default; Node passes its synchronous one (WebCrypto's job queue costs more than the hash). */
  sha256?: Sha256
  /** Most clients each map holds; beyond it the oldest is forgotten (default MAX_TRACKED_CLIENTS). */
  maxClients?: number
}

/**
 * The bound on each map of the memory limiter. Counting is per address, so whoever sends from more
 * addresses than this in a day escapes the per-address caps anyway; forgetting the oldest entry
 * costs nothing the caps could have held, and keeps a process that runs for days at a few MB
 * (about 60 bytes an entry) instead of growing with every new address until Tokyo midnight.
 */
export const MAX_TRACKED_CLIENTS = 100_000

/**
 * 128 bits of the digest as a flat 16-character string. A base64url key built by `+=` is a rope of
 * ~20 V8 string objects (about 0.7 KB) that a Map keeps as it is: the soak saw it as steady heap growth.
 */
const compactKey = (digest: Uint8Array) => String.fromCharCode(...digest.subarray(0, 16))

function bump(map: Map<string, number>, key: string, max: number): number {
  const count = (map.get(key) ?? 0) + 1
  if (count === 1 && map.size >= max) map.delete(map.keys().next().value!)
  map.set(key, count)
  return count
}

const DAY_MS = 86_400_000
const TOKYO_MS = 9 * 3_600_000
const tokyoDay = (at: number) => Math.floor((at + TOKYO_MS) / DAY_MS)

/**
 * Fixed-window counters per client for one Node process. The key is SHA-256(salt ‖ bucket ‖ address)
 * with a random salt held only in memory and replaced every day, so the maps never hold an address
 * and yesterday's keys cannot be linked to today's.
 */
export function memoryRateLimiter(options: MemoryLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now
  const digest = options.sha256 ?? sha256
  const encoder = new TextEncoder()
  let salt = crypto.getRandomValues(new Uint8Array(32))
  let saltDay = tokyoDay(now())
  let windowIndex = -1
  let counts = new Map<string, number>()
  let daily = new Map<string, number>()
  const keyOf = async (c: Context, bucket: string) => {
    const day = tokyoDay(now())
    if (day !== saltDay) {
      salt = crypto.getRandomValues(new Uint8Array(32))
      saltDay = day
      daily = new Map()
    }
    const address = encoder.encode(`${bucket}|${limitKeyOf(options.clientAddress(c))}`)
    const input = new Uint8Array(salt.length + address.length)
    input.set(salt)
    input.set(address, salt.length)
    return compactKey(await digest(input))
  }
  const max = options.maxClients ?? MAX_TRACKED_CLIENTS
  const cap = (kind: DailyKind, perDay: number): DailyCap => ({
    reached: async (c) => (daily.get(await keyOf(c, `${kind}-day`)) ?? 0) >= perDay,
    add: async (c) => {
      bump(daily, await keyOf(c, `${kind}-day`), max)
    },
  })
  return {
    async allow(c, bucket) {
      const key = await keyOf(c, bucket)
      const index = Math.floor(now() / options.windowMs)
      if (index !== windowIndex) {
        windowIndex = index
        counts = new Map()
      }
      return bump(counts, key, max) <= (options.limits?.[bucket] ?? options.limit)
    },
    daily: Object.fromEntries(Object.entries(options.perDay ?? {}).map(([kind, n]) => [kind, cap(kind as DailyKind, n)])),
  }
}

/** The Workers rate-limit binding (`ratelimits` in wrangler.jsonc). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>
}

export interface BindingLimits {
  /** One binding per bucket; a bucket without its own binding uses `other`. */
  bindings: Partial<Record<LimitBucket, RateLimitBinding>>
  /** RATE_LIMIT_SALT, a secret: without it keys could be reversed by trying addresses. Required (worker.ts checks). */
  salt: string
  daily?: Partial<Record<DailyKind, DailyCap>>
}

/** Workers: the bindings keep the counters at Cloudflare's edge; keys are the day's salted hash of the address (/64 for IPv6). */
export function bindingRateLimiter(getLimits: (c: Context) => BindingLimits): RateLimiter {
  return {
    async allow(c, bucket) {
      const { bindings, salt } = getLimits(c)
      const binding = bindings[bucket] ?? bindings.other
      if (!binding) return true
      const day = new Date().toISOString().slice(0, 10)
      const address = limitKeyOf(c.req.header('cf-connecting-ip'))
      const key = toBase64url(await sha256(`${salt}|${day}|${bucket}|${address}`))
      return (await binding.limit({ key })).success
    },
    daily: Object.fromEntries(
      (['slot', 'request', 'message'] as const).map((kind) => [
        kind,
        {
          reached: (c: Context) => getLimits(c).daily?.[kind]?.reached(c) ?? Promise.resolve(false),
          add: (c: Context) => getLimits(c).daily?.[kind]?.add(c) ?? Promise.resolve(),
        },
      ]),
    ),
  }
}

/** Seconds until the next midnight in Tokyo, when the daily counts (a client's, a window's) start again. */
export const secondsToTokyoMidnight = (at = new Date()) =>
  Math.max(1, Math.ceil(((tokyoDay(at.getTime()) + 1) * DAY_MS - TOKYO_MS - at.getTime()) / 1000))

async function takesSlot(c: Context): Promise<boolean> {
  try {
    const body = (await jsonBody(c)) as { slotId?: unknown } | null
    return typeof body?.slotId === 'string'
  } catch {
    return false
  }
}

/**
 * A booking over the client's daily cap may still be the resend of one already stored (its 201 was
 * lost, and that very booking reached the cap). The middleware cannot tell, so it lets the booking
 * route answer: the first 201 for a resend, `errors.dailyLimit` for anything new.
 */
const overDailyCap = new WeakSet<Request>()
const replayed = new WeakSet<Request>()

/** True when this booking is over the client's daily cap: the route may only answer a resend. */
export const isOverDailyCap = (c: Context) => overDailyCap.has(c.req.raw)

/** The route answered with a stored request's first 201: nothing new was stored, so no cap counts it. */
export const markReplayed = (c: Context) => {
  replayed.add(c.req.raw)
}

export function dailyLimitResponse(c: Context): Response {
  c.header('Retry-After', String(secondsToTokyoMidnight()))
  return c.json({ error: 'errors.dailyLimit' }, 429)
}

export function rateLimit(limiter: RateLimiter | null | undefined, retryAfterSeconds = 60): MiddlewareHandler {
  return async (c, next) => {
    if (!limiter || c.req.method !== 'POST') return next()
    const bucket = bucketOf(c.req.path)
    if (!(await limiter.allow(c, bucket))) {
      c.header('Retry-After', String(retryAfterSeconds))
      return c.json({ error: 'errors.tooManyRequests' }, 429)
    }
    const kinds: DailyKind[] =
      bucket === 'booking' ? ['request', 'slot'] : bucketOf(c.req.path) === 'lookup' && c.req.path.startsWith('/api/requests/messages') ? ['message'] : []
    if (kinds.length === 0 || !limiter.daily) return next()
    const slot = kinds.includes('slot') && (await takesSlot(c))
    // Only slot-taking bookings count toward (and are refused by) the slot cap: a request without a slot holds nothing.
    const counted = kinds.filter((kind) => kind !== 'slot' || slot).flatMap((kind) => (limiter.daily?.[kind] ? [limiter.daily[kind]] : []))
    for (const cap of counted) {
      if (await cap.reached(c)) {
        if (bucket !== 'booking') return dailyLimitResponse(c)
        overDailyCap.add(c.req.raw)
        return next()
      }
    }
    await next()
    if (c.res.status === 201 && !replayed.has(c.req.raw)) for (const cap of counted) await cap.add(c)
  }
}
