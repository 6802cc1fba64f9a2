import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openNodeStore } from '../../src/server/node'
import { makeBooking, testDeployment, testStaffKey } from '../server/helpers/make-request'
import { createBenchApp } from './bench-limits'

/**
 * CPU per booking of the app in one process, no sockets: `npx tsx tests/bench/app-alone.ts [count]`.
 * The same deps as the bench's `app` mode (every guard, real SQLite file, group commit: 30 bookings
 * at a time), driven through `app.fetch`. Steadier than the HTTP bench on a busy machine, so small
 * changes can be compared run against run; add `node --cpu-prof` (via NODE_OPTIONS) to see where.
 */
const count = Number(process.argv[2] ?? 20_000)
const BATCH = 30
const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-app-alone-'))
const deployment = await testDeployment()
const { driver, store } = await openNodeStore(dataDir)
for (const window of deployment.windows) await store.addWindowKey(await testStaffKey(window.id))
const app = createBenchApp(deployment, store)
const { body } = await makeBooking({ mode: 'letter' })
const makeBody = () => {
  const requestId = randomUUID()
  return JSON.stringify({ ...body, requestId, lookupId: randomBytes(32).toString('base64url'), envelope: { ...body.envelope, requestId } })
}
// What @hono/node-server passes: the connection, which the limiter reads the client address from.
const env = { incoming: { socket: { remoteAddress: '127.0.0.1', remotePort: 40000, remoteFamily: 'IPv4' } } }
const post = (text: string) =>
  app.fetch(
    new Request('http://127.0.0.1/api/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) },
      body: text,
    }),
    env,
  )
const run = async (n: number) => {
  const bodies = Array.from({ length: n }, makeBody)
  const before = process.cpuUsage()
  for (let i = 0; i < n; i += BATCH) {
    const answers = await Promise.all(bodies.slice(i, i + BATCH).map(post))
    for (const answer of answers) if (answer.status !== 201) throw new Error(`answer ${answer.status}: ${await answer.text()}`)
  }
  const used = process.cpuUsage(before)
  return (used.user + used.system) / n
}
try {
  await run(Math.min(5_000, count))
  const figures = [await run(count), await run(count)]
  console.log(`app alone: ${figures.map((f) => `${f.toFixed(1)} µs`).join(', ')} CPU per booking (${count} each)`)
} finally {
  driver.close()
  rmSync(dataDir, { recursive: true, force: true })
}
