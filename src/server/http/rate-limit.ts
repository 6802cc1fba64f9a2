import type { Context, MiddlewareHandler } from 'hono'
import { sha256, toBase64url } from './hash'

/** Says whether one more anonymous request from this client is allowed now. */
export interface RateLimiter {
  allow(c: Context): Promise<boolean>
}

export interface MemoryLimiterOptions {
  limit: number
  windowMs: number
  /** The client's address; used only to derive a salted hash, never stored or logged. */
  clientAddress: (c: Context) => string | undefined
  now?: () => number
}

/**
 * Fixed-window counter per client for one Node process. The key is SHA-256(salt ‖ address) with a
 * random salt held only in memory and replaced every day, so the map never holds an address and
 * yesterday's keys cannot be linked to today's.
 */
export function memoryRateLimiter(options: MemoryLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now
  let salt = crypto.getRandomValues(new Uint8Array(32))
  let saltDay = Math.floor(now() / 86_400_000)
  let windowIndex = -1
  let counts = new Map<string, number>()
  return {
    async allow(c) {
      const at = now()
      const day = Math.floor(at / 86_400_000)
      if (day !== saltDay) {
        salt = crypto.getRandomValues(new Uint8Array(32))
        saltDay = day
      }
      const index = Math.floor(at / options.windowMs)
      if (index !== windowIndex) {
        windowIndex = index
        counts = new Map()
      }
      const address = new TextEncoder().encode(options.clientAddress(c) ?? 'unknown')
      const key = toBase64url(await sha256(new Uint8Array([...salt, ...address])))
      const count = (counts.get(key) ?? 0) + 1
      counts.set(key, count)
      return count <= options.limit
    },
  }
}

/** The Workers rate-limit binding (`ratelimits` in wrangler.jsonc). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>
}

/**
 * Workers: the binding keeps the counters at Cloudflare's edge. The key is the day's salted hash of
 * the address; `salt` should be a secret (RATE_LIMIT_SALT), so keys cannot be reversed by trying addresses.
 */
export function bindingRateLimiter(getBinding: (c: Context) => { binding?: RateLimitBinding; salt?: string }): RateLimiter {
  return {
    async allow(c) {
      const { binding, salt = '' } = getBinding(c)
      if (!binding) return true
      const day = new Date().toISOString().slice(0, 10)
      const address = c.req.header('cf-connecting-ip') ?? 'unknown'
      const key = toBase64url(await sha256(`${salt}|${day}|${address}`))
      return (await binding.limit({ key })).success
    },
  }
}

export function rateLimit(limiter: RateLimiter | null | undefined, retryAfterSeconds = 60): MiddlewareHandler {
  return async (c, next) => {
    if (limiter && c.req.method === 'POST' && !(await limiter.allow(c))) {
      c.header('Retry-After', String(retryAfterSeconds))
      return c.json({ error: 'errors.tooManyRequests' }, 429)
    }
    return next()
  }
}
