import { getConnInfo } from '@hono/node-server/conninfo'
import { hash } from 'node:crypto'
import type { ServerEnv } from '../env'
import { clientAddress, parseNetworks } from '../http/client-address'
import { memoryRateLimiter, type RateLimiter } from '../http/rate-limit'

export type LimitEnv = Partial<
  Pick<
    ServerEnv,
    | 'RATE_LIMIT_PER_MINUTE'
    | 'BOOKING_LIMIT_PER_MINUTE'
    | 'LOOKUP_LIMIT_PER_MINUTE'
    | 'METRICS_LIMIT_PER_MINUTE'
    | 'SLOT_BOOKINGS_PER_DAY'
    | 'REQUESTS_PER_DAY'
    | 'FOLLOW_UPS_PER_DAY'
    | 'TRUSTED_PROXIES'
  >
>

/**
 * The Node limiter from the environment; null when RATE_LIMIT_PER_MINUTE is 0 or unset (embedding
 * callers such as tests opt in). A bucket without its own value takes RATE_LIMIT_PER_MINUTE.
 */
export function nodeRateLimiter(env: LimitEnv): RateLimiter | null {
  const general = env.RATE_LIMIT_PER_MINUTE ?? 0
  if (general <= 0) return null
  const proxies = parseNetworks(env.TRUSTED_PROXIES ?? '') ?? []
  return memoryRateLimiter({
    limit: general,
    limits: {
      booking: env.BOOKING_LIMIT_PER_MINUTE ?? general,
      lookup: env.LOOKUP_LIMIT_PER_MINUTE ?? general,
      metrics: env.METRICS_LIMIT_PER_MINUTE ?? general,
    },
    windowMs: 60_000,
    perDay: { slot: env.SLOT_BOOKINGS_PER_DAY ?? 4, request: env.REQUESTS_PER_DAY ?? 10, message: env.FOLLOW_UPS_PER_DAY ?? 20 },
    sha256: (data) => new Uint8Array(hash('sha256', data, 'buffer')),
    clientAddress: (c) => clientAddress(proxies, getConnInfo(c).remote.address, c.req.header('x-forwarded-for')),
  })
}
