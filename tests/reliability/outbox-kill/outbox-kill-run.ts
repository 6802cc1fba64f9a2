import { rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'libsql'
import type { Slot } from '../../../src/shared/schemas/requests'
import { DATABASE_FILE } from '../../../src/server/store/libsql-driver'
import { bundleSubmitCode } from '../plaintext/browser-driver'
import { testDeploymentPath } from '../plaintext/node-run'
import { killableServer } from './killable-server'
import { OutboxClient, type Wire } from './outbox-client'

export interface OutboxKillOptions {
  kills: number
  clients: number
  /** Every n-th booking takes a time (proof-of-work, slot); the rest wait for contact. */
  slotEvery: number
  /** How long the server runs between a start and its kill, in ms (a random moment in between). */
  upMs: [number, number]
}

export interface OutboxKillResult {
  kills: number
  clients: number
  /** Requests the clients sealed and queued in their outboxes. */
  created: number
  withSlot: number
  /** Distinct requests a client saw a 201 for (foreground or from the outbox later). */
  acknowledged: number
  /** Created requests whose first send got no answer (the outbox's work), and of them those stored once. */
  queued: number
  deliveredLater: number
  by: Wire['by']
  /** Of those, stored by the attempt whose answer the kill swallowed: a resend answered with the first 201. */
  lostAnswers: number
  /** Request ids a client saw more than one 201 for (the server's replay answering a resend). */
  answeredTwice: number
  failedPosts: number
  /** POSTs the person's own reload of the app's page cancelled. */
  aborted: number
  visits: number
  /** Background Sync events fired at the service worker (with half the visits). */
  syncs: number
  storedOnce: number
  missing: number
  /** Rows no client created, and slots not held by the request that booked them. */
  strays: number
  slotMismatches: number
  unacknowledgedMissing: number
  serverErrors: number
  outboxLeft: number
  pendingLineShown: number
  outcomes: Record<string, number>
  integrity: string
  seconds: number
  phases: { setup: number; kills: number; drain: number }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function openSlots(baseUrl: string): Promise<Slot[]> {
  const slots: Slot[] = []
  for (const windowId of ['toshima', 'bunkyo']) {
    slots.push(...((await (await fetch(`${baseUrl}/api/windows/${windowId}/slots`)).json()) as { slots: Slot[] }).slots)
  }
  return slots.sort(() => Math.random() - 0.5)
}

/**
 * Several Chromium devices book through the form's own code while `npm start`'s server is killed
 * with SIGKILL at random moments and started again on the same port and SQLite file; a send that
 * dies stays in that device's outbox, and the person opening the app again delivers it. At the end
 * every request any device queued must be in the database exactly once, and every outbox empty.
 */
export async function runOutboxKill(o: OutboxKillOptions): Promise<OutboxKillResult> {
  const started = Date.now()
  const submitCode = await bundleSubmitCode(testDeploymentPath, join(import.meta.dirname, 'outbox-entry.ts'), 'outboxKill')
  const server = await killableServer()
  const wire: Wire = { created201: [], by: { form: 0, appStart: 0, serviceWorker: 0 }, serverErrors: 0, failedAt: new Map(), failedPosts: 0, aborted: 0 }
  const clients: OutboxClient[] = []
  try {
    await server.start()
    const slots = await openSlots(server.url)
    for (let i = 0; i < o.clients; i++) clients.push(new OutboxClient(server.url, slots.filter((_, n) => n % o.clients === i), wire))
    await Promise.all(clients.map((c) => c.open(submitCode)))
    const loadFrom = Date.now()
    let running = true
    let n = 0
    const load = clients.map((c) => c.run(() => running, o.slotEvery, () => n++))
    for (let k = 0; k < o.kills; k++) {
      await sleep(o.upMs[0] + Math.random() * (o.upMs[1] - o.upMs[0]))
      await server.kill()
      await server.start()
    }
    await sleep(o.upMs[0])
    running = false
    await Promise.all(load)
    const drainFrom = Date.now()
    const deadline = Date.now() + 300_000
    const left = (await Promise.all(clients.map((c) => c.drain(deadline)))).flat()
    const drainSeconds = Math.round((Date.now() - drainFrom) / 1000)
    const pendingLineShown = (await Promise.all(clients.map((c) => c.pendingLine()))).filter(Boolean).length
    await server.stop()

    const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true })
    const rows = db.prepare('SELECT request_id, created_at, slot_id FROM requests').all() as Array<{ request_id: string; created_at: string; slot_id: string | null }>
    const slotMismatches = (
      db.prepare('SELECT count(*) AS n FROM requests r LEFT JOIN slots s ON s.id = r.slot_id WHERE r.slot_id IS NOT NULL AND (s.booked_request_id IS NULL OR s.booked_request_id <> r.request_id)').get() as { n: number }
    ).n
    const integrity = String(Object.values(db.prepare('PRAGMA integrity_check').get() as object)[0])
    db.close()

    const created = clients.flatMap((c) => c.created)
    const createdSet = new Set(created)
    const stored = new Map<string, number>()
    for (const r of rows) stored.set(r.request_id, (stored.get(r.request_id) ?? 0) + 1)
    const createdAt = new Map(rows.map((r) => [r.request_id, Date.parse(r.created_at)]))
    const acknowledged = new Set(wire.created201)
    const answers = new Map<string, number>()
    for (const id of wire.created201) answers.set(id, (answers.get(id) ?? 0) + 1)
    const outcomes: Record<string, number> = {}
    for (const c of clients) for (const [k, v] of c.outcomes) outcomes[k] = (outcomes[k] ?? 0) + v
    const failedCreated = created.filter((id) => wire.failedAt.has(id))
    const queued = clients.flatMap((c) => c.queued)
    return {
      kills: o.kills,
      clients: o.clients,
      created: created.length,
      withSlot: rows.filter((r) => r.slot_id !== null && createdSet.has(r.request_id)).length,
      acknowledged: acknowledged.size,
      queued: queued.length,
      deliveredLater: queued.filter((id) => stored.get(id) === 1).length,
      by: wire.by,
      lostAnswers: failedCreated.filter((id) => (createdAt.get(id) ?? Infinity) < wire.failedAt.get(id)!).length,
      answeredTwice: [...answers.values()].filter((count) => count > 1).length,
      failedPosts: wire.failedPosts,
      aborted: wire.aborted,
      visits: clients.reduce((s, c) => s + c.visits, 0),
      syncs: clients.reduce((s, c) => s + c.syncs, 0),
      storedOnce: created.filter((id) => stored.get(id) === 1).length,
      missing: created.filter((id) => !stored.has(id)).length,
      strays: rows.filter((r) => !createdSet.has(r.request_id)).length + (created.length - createdSet.size),
      slotMismatches,
      unacknowledgedMissing: [...acknowledged].filter((id) => !stored.has(id)).length,
      serverErrors: wire.serverErrors,
      outboxLeft: left.length,
      pendingLineShown,
      outcomes,
      integrity,
      seconds: Math.round((Date.now() - started) / 1000),
      phases: { setup: Math.round((loadFrom - started) / 1000), kills: Math.round((drainFrom - loadFrom) / 1000), drain: drainSeconds },
    }
  } finally {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)))
    await server.stop().catch(() => undefined)
    rmSync(server.dir, { recursive: true, force: true })
  }
}
