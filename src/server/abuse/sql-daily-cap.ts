import type { Context } from 'hono'
import { limitKeyOf } from '../http/client-address'
import { sha256, toBase64url } from '../http/hash'
import type { DailyCap } from '../http/rate-limit'
import { sql, type SqlDriver } from '../store/sql-driver'
import { tokyoDate } from './tokyo-date'

/**
 * A daily cap kept in the database, for Workers where no memory outlives a request. The row key is
 * SHA-256(secret salt ‖ day ‖ kind ‖ address /64): it cannot be turned back into an address without
 * the salt, and changes every day.
 */
export function sqlDailyCap(options: {
  driver: SqlDriver
  salt: string
  kind: string
  perDay: number
  address: (c: Context) => string | undefined
  now?: () => Date
}): DailyCap {
  const now = options.now ?? (() => new Date())
  const keyOf = async (c: Context) => {
    const day = tokyoDate(now())
    const key = toBase64url(await sha256(`${options.salt}|${day}|${options.kind}|${limitKeyOf(options.address(c))}`))
    return { key, day }
  }
  return {
    async reached(c) {
      const { key } = await keyOf(c)
      const rows = await options.driver.all(sql('SELECT count FROM client_day_counts WHERE key = ?', key))
      return Number(rows[0]?.count ?? 0) >= options.perDay
    },
    async add(c) {
      const { key, day } = await keyOf(c)
      await options.driver.run(
        sql('INSERT INTO client_day_counts (key, day, count) VALUES (?, ?, 1) ON CONFLICT (key) DO UPDATE SET count = count + 1', key, day),
      )
    },
  }
}

/** Deletes the counts of past days (the daily cron). */
export async function purgeDayCounts(driver: SqlDriver, at = new Date()): Promise<void> {
  await driver.run(sql('DELETE FROM client_day_counts WHERE day < ?', tokyoDate(at)))
}
