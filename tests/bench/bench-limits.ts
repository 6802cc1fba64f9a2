import { credentialHasher } from '../../src/server/abuse/credential-hash'
import { nodeHmacSha256 } from '../../src/server/abuse/node-credential-secret'
import { nodeRateLimiter } from '../../src/server/abuse/node-limiter'
import { createApp } from '../../src/server/app'
import { nodeSha256 } from '../../src/server/node'
import type { Store } from '../../src/server/store/store'
import type { Deployment } from '../../src/shared/schemas/deployment'

/**
 * The server bench runs every guard a production server runs, with budgets set above what one
 * bench client books (autocannon sends everything from 127.0.0.1, for one window): the per-minute
 * and per-day limits per client and the window's daily quota are all checked on every booking, none
 * refuses. Lower values would only turn the bench into a measure of 429 answers.
 */
export const BENCH_LIMITS = {
  RATE_LIMIT_PER_MINUTE: 1_000_000_000,
  BOOKING_LIMIT_PER_MINUTE: 1_000_000_000,
  REQUESTS_PER_DAY: 1_000_000_000,
  SLOT_BOOKINGS_PER_DAY: 1_000_000_000,
  WINDOW_REQUESTS_PER_DAY: 1_000_000_000,
}

/** The app as the benches run it: every guard on with BENCH_LIMITS, no proof-of-work (bookings without a slot need none). */
export function createBenchApp(deployment: Deployment, store: Store) {
  return createApp({
    deployment,
    getStore: () => store,
    rateLimiter: nodeRateLimiter(BENCH_LIMITS),
    sha256: nodeSha256,
    credentials: credentialHasher({ current: 'b'.repeat(43) }, nodeHmacSha256),
    proofOfWork: null,
    windowRequestsPerDay: BENCH_LIMITS.WINDOW_REQUESTS_PER_DAY,
  })
}
