// The Node server as its own process for the soak (tests/reliability/soak.ts), so /proc/<pid> shows
// its memory and CPU alone. Settings come from the environment, read as `npm start` reads them; the
// test deployment (TEST_WINDOWS, written by the parent) so bookings can be sealed to its certified keys.
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
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0))
})
