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
