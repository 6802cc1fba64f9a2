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
// The heap as V8 sees it, once a second: RSS alone cannot tell a JS leak from native caches.
setInterval(() => {
  const { heapUsed, external } = process.memoryUsage()
  console.log(`heap ${heapUsed} ${external}`)
}, 1000).unref()
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0))
})
