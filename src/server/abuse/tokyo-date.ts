/**
 * The Tokyo calendar date (YYYY-MM-DD) of an instant, as the daily caps and quotas count days.
 * Japan has no daylight saving time, so a fixed +9 h is exact; SQLite's `date(x, '+9 hours')`
 * (migration 0014's trigger) gives the same day for the same instant.
 */
export const tokyoDate = (at: Date | string) => new Date(new Date(at).getTime() + 9 * 3_600_000).toISOString().slice(0, 10)
