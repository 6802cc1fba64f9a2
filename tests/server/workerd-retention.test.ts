import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { credentialHasher } from '../../src/server/abuse/credential-hash'
import { postJson } from './contract/target'
import { makeBooking } from './helpers/make-request'
import { startWorkerd, WORKERD_START_MS } from './helpers/workerd'

const DAY_MS = 86_400_000
/** The CREDENTIAL_SECRET startWorkerd gives the worker, so seeded rows answer to their receipts. */
const hasher = credentialHasher({ current: 'test-credential-secret-'.padEnd(44, 'y') })
type Seeded = Awaited<ReturnType<typeof makeBooking>>

async function seedRow(booking: Seeded, caseStatus: string, updatedDaysAgo: number) {
  const stored = await hasher.stored(booking.body.lookupId, booking.body.authHash)
  const at = new Date(Date.now() - updatedDaysAgo * DAY_MS).toISOString()
  return `INSERT INTO requests (request_id, window_id, mode, lookup_id, auth_hash, envelope, status, case_status, body_hash, first_response, created_at, updated_at, status_at, delete_after)
    VALUES ('${booking.requestId}', 'toshima', 'phone', '${stored.lookupId}', '${stored.authHash}', '{}', 'waiting', '${caseStatus}', 'b', '{}', '${at}', '${at}', '${at}', '${at}')`
}

let workerd: Awaited<ReturnType<typeof startWorkerd>>
let rows: Record<'oldWaiting' | 'oldCancelled' | 'recentClosed' | 'fresh', Seeded>
beforeAll(async () => {
  rows = { oldWaiting: await makeBooking(), oldCancelled: await makeBooking(), recentClosed: await makeBooking(), fresh: await makeBooking() }
  workerd = await startWorkerd({
    rateLimitPerMinute: 100_000,
    seed: [
      await seedRow(rows.oldWaiting, 'received', 181),
      await seedRow(rows.oldCancelled, 'cancelled', 31),
      await seedRow(rows.recentClosed, 'closed', 200),
      await seedRow(rows.fresh, 'received', 1),
    ],
  })
}, WORKERD_START_MS)
afterAll(async () => workerd?.close(), 30_000)

describe('workerd + D1: 保存期間の cron（scheduled ハンドラー）', () => {
  it('cron が動くと、期限の来た相談は受付番号で見つからなくなり、まだの相談は残る', async () => {
    // startWorkerd has already run the worker's scheduled handler once; run it again as the daily cron would.
    expect((await workerd.target.fetch('/__scheduled?cron=0+18+*+*+*')).ok).toBe(true)
    const status = async (booking: Seeded) => (await postJson(workerd.target, '/api/requests/lookup', booking.credentials)).status
    expect(await status(rows.oldWaiting)).toBe(404)
    expect(await status(rows.oldCancelled)).toBe(404)
    expect(await status(rows.recentClosed)).toBe(200)
    expect(await status(rows.fresh)).toBe(200)
    const answer = (await (await postJson(workerd.target, '/api/requests/lookup', rows.recentClosed.credentials)).json()) as { deleteAfter: string; status: string }
    expect(answer.status).toBe('done')
    expect(Date.parse(answer.deleteAfter) - Date.now()).toBeGreaterThan(164 * DAY_MS)
  })
})
