// The Node server as its own process for the soak (tests/reliability/soak.ts), so /proc/<pid> shows
// its memory and CPU alone. Settings come from the environment, read as `npm start` reads them; the
// test deployment (TEST_WINDOWS, written by the parent) so bookings can be sealed to its certified keys.
import { join } from 'node:path'
import { writeHeapSnapshot } from 'node:v8'
import { readServerEnv } from '../../src/server/env'
import { createInvite } from '../../src/server/staff/invites'
import { startNodeServerFromFile } from '../server/helpers/node-server'

const server = await startNodeServerFromFile(process.env.TEST_WINDOWS!, readServerEnv())
// One staff member for the inbox traffic: an invite as `npm run admin -- invite` makes it.
const invite = await createInvite(server.store, { windowId: 'toshima', role: 'staff' }, new Date(), server.url)
console.log(`ready ${server.url} ${invite.token}`)
// The heap as V8 sees it, once a second: RSS alone cannot tell a JS leak from native caches. With
// SOAK_GC=1 (and node --expose-gc) a full collection first, every 10 s: what is really retained.
const gc = process.env.SOAK_GC === '1' ? (globalThis as { gc?: () => void }).gc : undefined
let tick = 0
setInterval(() => {
  if (gc && tick++ % 10 !== 0) return
  gc?.()
  const { heapUsed, external } = process.memoryUsage()
  console.log(`heap ${heapUsed} ${external}`)
}, 1000).unref()
// SOAK_SNAPSHOTS=1,5: a heap snapshot (after a full GC when exposed) at those minutes, into SOAK_SNAPSHOT_DIR,
// to compare by constructor and retainer what the server keeps.
for (const minute of (process.env.SOAK_SNAPSHOTS ?? '').split(',').filter(Boolean).map(Number)) {
  setTimeout(() => {
    gc?.()
    const file = writeHeapSnapshot(join(process.env.SOAK_SNAPSHOT_DIR ?? '.', `soak-min${minute}.heapsnapshot`))
    console.error(`[soak] heap snapshot ${file}`)
  }, minute * 60_000).unref()
}
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0))
})
