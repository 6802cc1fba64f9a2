import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { isJapaneseHoliday } from '../../shared/hours/holiday-dates'
import { readServerEnv } from '../env'
import { loadDeployment, openNodeStore } from '../node'
import { ensureSlots } from '../slots/ensure-slots'
import { slotsFor, todayInTokyo } from '../slots/generate-slots'

/**
 * `npm run slots:generate`: makes <DATA_DIR>/tsunagu.sqlite's open slots match each window's
 * availability (what staff saved, else deployment.json) up to its horizon, as the server does every
 * 6 hours; booked slots are kept. With `--sql --weeks N` it prints deployment.json's slots as SQL for D1:
 * `npm run -s slots:generate -- --weeks 4 --sql > slots.sql && wrangler d1 execute DB --remote --file slots.sql`.
 */
const { values } = parseArgs({ options: { weeks: { type: 'string', default: '4' }, sql: { type: 'boolean', default: false } } })
const weeks = Number(values.weeks)
if (!Number.isInteger(weeks) || weeks < 1 || weeks > 26) {
  console.error('--weeks must be a whole number from 1 to 26')
  process.exit(2)
}
if (values.sql) {
  const slots = slotsFor(loadDeployment().windows, todayInTokyo(new Date()), weeks * 7, isJapaneseHoliday)
  const q = (v: string) => `'${v.replaceAll("'", "''")}'`
  for (const s of slots) {
    console.log(`INSERT OR IGNORE INTO slots (id, window_id, mode, start, "end") VALUES (${[s.id, s.windowId, s.mode, s.start, s.end].map(q).join(', ')});`)
  }
} else {
  const env = readServerEnv()
  const { driver, store } = await openNodeStore(resolve(import.meta.dirname, '../../..', env.DATA_DIR))
  const added = await ensureSlots(store, loadDeployment())
  console.log(`${added} new slots`)
  driver.close()
}
