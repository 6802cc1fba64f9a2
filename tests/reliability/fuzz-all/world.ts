import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { precompressDirectory } from '../../../src/build/precompress'
import { readServerEnv } from '../../../src/server/env'
import { createInvite } from '../../../src/server/staff/invites'
import { openLibsqlDriver } from '../../../src/server/store/libsql-driver'
import { encryptReply } from '../../../src/shared/crypto/reply'
import { sealVideoLink } from '../../../src/shared/crypto/video-link-seal'
import { generateRecipientKeyPair } from '../../../src/shared/crypto/window-keys'
import { openSlots, postJson, solvedProof, type ApiTarget } from '../../server/contract/target'
import { makeBooking, sealTestEnvelope } from '../../server/helpers/make-request'
import { startTestNodeServer } from '../../server/helpers/node-server'
import { StaffClient } from '../../server/helpers/staff-client'

/** Rate limits so high that no handler hides behind a 429 (the `open` server); the `limited` one runs the defaults. */
export const OPEN_LIMITS = { RATE_LIMIT_PER_MINUTE: 1e9, BOOKING_LIMIT_PER_MINUTE: 1e9, LOOKUP_LIMIT_PER_MINUTE: 1e9, METRICS_LIMIT_PER_MINUTE: 1e9 }
const defaults = readServerEnv({})
/** What `npm start` runs with when nothing is set (an embedding caller must name them: unset means no limiter). */
export const DEFAULT_LIMITS = {
  RATE_LIMIT_PER_MINUTE: defaults.RATE_LIMIT_PER_MINUTE,
  BOOKING_LIMIT_PER_MINUTE: defaults.BOOKING_LIMIT_PER_MINUTE,
  LOOKUP_LIMIT_PER_MINUTE: defaults.LOOKUP_LIMIT_PER_MINUTE,
  METRICS_LIMIT_PER_MINUTE: defaults.METRICS_LIMIT_PER_MINUTE,
}

/** A running server with its seeded rows, and what is real in it: ids for paths, bodies that would be accepted. */
export interface WorldData {
  name: 'open' | 'limited' | 'workerd'
  url: string
  origin: string
  cookie: string
  params: Record<string, string>
  bodies: Record<string, Record<string, unknown>>
  dataDir: string
}

export interface World extends WorldData {
  snapshot: () => Promise<Record<string, unknown[]>>
  close: () => Promise<void>
  /** What the server wrote to stderr (app.ts logs a failed route there), when it runs as a child process. */
  serverLog?: () => string
}

/** Every row of every table in the SQLite file, in a stable order (from any process). */
export async function snapshotOf(dataDir: string) {
  const driver = await openLibsqlDriver(dataDir)
  try {
    const tables = await driver.all({ sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", args: [] })
    const rows: Record<string, unknown[]> = {}
    for (const { name: table } of tables as Array<{ name: string }>) rows[table] = await driver.all({ sql: `SELECT * FROM "${table}" ORDER BY rowid`, args: [] })
    return rows
  } finally {
    driver.close()
  }
}

const random32 = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

/** A small built site (pages, an asset, the app shell) with its .br/.gz files, as `npm run build` leaves it. */
function writeDist(dir: string) {
  const page = (name: string) => `<!doctype html><html lang="ja"><head><title>${name}</title></head><body><p>${name}</p></body></html>`
  for (const sub of ['assets', 'en', 'easy']) mkdirSync(join(dir, sub), { recursive: true })
  const files: Record<string, string> = {
    'index.html': page('home'),
    'app-shell.html': page('shell'),
    'who-can-consult.html': page('who'),
    'en.html': page('en'),
    'en/who-can-consult.html': page('en who'),
    'easy/who-can-consult.html': page('easy who'),
    'assets/index-abc123.js': `console.log(${JSON.stringify('x'.repeat(2000))})`,
    'sw.js': 'self.addEventListener("fetch", () => {})',
    'manifest.webmanifest': '{"name":"tsunagu"}',
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  precompressDirectory(dir)
}

/** The tile server the proxy asks: a PNG for every tile, on loopback (nothing leaves the machine). */
async function startTileServer(): Promise<{ server: Server; source: string }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  return { server, source: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/{z}/{x}/{y}.png` }
}

/**
 * A real Node server (npm start's code, test deployment) on a SQLite file in a temporary DATA_DIR,
 * seeded through its own API: bookings with and without a slot, a follow-up, an administrator who
 * joined by invite with a passkey, their staff key, a note and a reply, a case status, a QR
 * campaign, saved availability, and a second invite still open.
 */
export async function startWorld(name: World['name']): Promise<World> {
  const work = mkdtempSync(join(tmpdir(), `tsunagu-fuzz-${name}-`))
  const dist = join(work, 'dist')
  writeDist(dist)
  const tiles = await startTileServer()
  const env = {
    PORT: 0,
    HOST: '127.0.0.1',
    DATA_DIR: join(work, 'data'),
    DIST_DIR: dist,
    CREDENTIAL_SECRET: random32(),
    CREDENTIAL_SECRET_FILE: join(work, 'secret'),
    TILE_SOURCE: tiles.source,
    // Hostile X-Forwarded-For headers are parsed (the client is the trusted proxy itself).
    TRUSTED_PROXIES: '127.0.0.1',
    ...(name === 'open' ? OPEN_LIMITS : DEFAULT_LIMITS),
  }
  const server = await startTestNodeServer(env as Parameters<typeof startTestNodeServer>[0])
  const target: ApiTarget = { fetch: (path, init) => fetch(`${server.url}${path}`, init) }
  const invite = async (windowId: string, role: 'staff' | 'admin') => (await createInvite(server.store, { windowId, role }, new Date(), server.url)).token
  const seeded = await seedWorld(target, server.url, invite)
  return {
    name,
    url: server.url,
    ...seeded,
    dataDir: env.DATA_DIR,
    snapshot: () => snapshotOf(env.DATA_DIR),
    close: async () => {
      await server.close()
      await new Promise<void>((done) => tiles.server.close(() => done()))
      rmSync(work, { recursive: true, force: true })
    },
  }
}

/** Seeds a running server through its API; `invite` makes an invite as the operator's CLI would. */
export async function seedWorld(target: ApiTarget, origin: string, invite: (windowId: string, role: 'staff' | 'admin') => Promise<string>) {
  const must = async (what: string, response: Promise<Response>, status = [200, 201, 204]) => {
    const r = await response
    if (!status.includes(r.status)) throw new Error(`seeding ${what}: ${r.status} ${await r.text()}`)
    return r.status === 204 ? null : ((await r.json()) as Record<string, unknown>)
  }

  const [slot, free] = await openSlots(target, 'toshima', 'phone')
  const booked = await makeBooking({ slotId: slot!.id })
  await must('booking', postJson(target, '/api/requests', booked.body))
  const followUpId = crypto.randomUUID()
  await must('follow-up', postJson(target, '/api/requests/messages', { ...booked.credentials, messageId: followUpId, envelope: await sealTestEnvelope(booked.requestId, 'toshima', { v: 1 }, followUpId) }))
  const waiting = await makeBooking({ mode: 'letter' })
  await must('booking without a slot', postJson(target, '/api/requests', waiting.body))

  const admin = await StaffClient.create(target, origin)
  const me = await must('join', admin.join(await invite('toshima', 'admin'), 'かんりしゃ'))
  const pair = await generateRecipientKeyPair()
  const key = await must('staff key', admin.post('/api/staff/keys', { windowId: 'toshima', publicKey: pair.publicKey }))
  const base = `/api/staff/windows/toshima/cases/${booked.requestId}`
  const noteId = crypto.randomUUID()
  await must('note', admin.post(`${base}/notes`, { messageId: noteId, envelope: await sealTestEnvelope(booked.requestId, 'toshima', { v: 1, text: 'メモ' }, noteId) }))
  const replyId = crypto.randomUUID()
  const reply = await encryptReply(random32(), { v: 1, text: 'こんにちは', writtenAt: new Date().toISOString() }, { requestId: booked.requestId, messageId: replyId })
  await must('reply', admin.post(`${base}/replies`, { messageId: replyId, envelope: reply }))
  await must('status', admin.post(`${base}/status`, { status: 'contacted' }))
  const campaign = await must('campaign', admin.post('/api/staff/windows/toshima/campaigns', { target: { kind: 'home' }, language: 'ja', label: 'ちらし' }))
  const rules = { rules: [{ days: ['mon'], from: '09:00', to: '12:00', minutes: 50, buffer: 10 }], closedDates: [], specialDays: [], noticeHours: 2, horizonDays: 14 }
  await must('availability', admin.post('/api/staff/windows/toshima/availability/visit', rules))
  const open = { token: await invite('toshima', 'staff') }
  await must('metric', postJson(target, '/api/metrics', { campaign: String(campaign!.code), event: 'form-open' }))

  const messageId = crypto.randomUUID()
  const staffCase = await makeBooking()
  const webauthn = { id: 'abc', rawId: 'abc', type: 'public-key', response: {} }
  const wraps = { messageId: booked.requestId, recipients: booked.body.envelope.recipients }
  // Bodies that would be accepted as they are: the fuzzer breaks them, never sends them whole.
  const bodies: World['bodies'] = {
    'POST /api/requests': { ...(await makeBooking({ slotId: free!.id })).body, proof: await solvedProof(target) },
    'POST /api/requests/lookup': { ...booked.credentials },
    'POST /api/requests/cancel': { ...waiting.credentials },
    'POST /api/requests/messages': { ...booked.credentials, messageId, envelope: await sealTestEnvelope(booked.requestId, 'toshima', { v: 1 }, messageId) },
    'POST /api/metrics': { campaign: String(campaign!.code), event: 'scan', day: new Date().toISOString().slice(0, 10) },
    'POST /api/staff/invites/info': { token: open.token },
    'POST /api/staff/invites/register-options': { token: open.token, displayName: 'しょくいん' },
    'POST /api/staff/invites/register': { token: open.token, displayName: 'しょくいん', response: webauthn },
    'POST /api/staff/login': { challengeId: 'abcdefghijklmnop', response: webauthn },
    'POST /api/staff/keys': { windowId: 'toshima', publicKey: pair.publicKey },
    'POST /api/staff/windows/:windowId/keys/:keyId/certificate': { v: 1, issuedAt: new Date().toISOString(), signature: 'A'.repeat(86) },
    'POST /api/staff/windows/:windowId/invites': { role: 'staff' },
    'POST /api/staff/windows/:windowId/cases': { ...staffCase.body, origin: 'phone' },
    'POST /api/staff/windows/:windowId/cases/:requestId/replies': { messageId, envelope: await encryptReply(random32(), { v: 1, text: 'x', writtenAt: new Date().toISOString() }, { requestId: booked.requestId, messageId }) },
    'POST /api/staff/windows/:windowId/cases/:requestId/notes': { messageId, envelope: await sealTestEnvelope(booked.requestId, 'toshima', { v: 1, text: 'x' }, messageId) },
    'POST /api/staff/windows/:windowId/cases/:requestId/contacts': { messageId, envelope: await sealTestEnvelope(booked.requestId, 'toshima', { v: 1, text: 'x' }, messageId) },
    'POST /api/staff/windows/:windowId/cases/:requestId/status': { status: 'ongoing' },
    'POST /api/staff/windows/:windowId/cases/:requestId/video': { video: await sealVideoLink(random32(), booked.requestId, 'https://meet.example.jp/a') },
    'POST /api/staff/windows/:windowId/cases/:requestId/move': { slotId: free!.id },
    'POST /api/staff/windows/:windowId/cases/:requestId/consent': { messageId, envelope: await sealTestEnvelope(booked.requestId, 'toshima', { v: 1 }, messageId) },
    'POST /api/staff/windows/:windowId/cases/:requestId/recipients': { envelopes: [wraps] },
    'POST /api/staff/windows/:windowId/cases/:requestId/handover': { toWindowId: 'bunkyo', envelopes: [wraps] },
    'POST /api/staff/windows/:windowId/campaigns': { target: { kind: 'map', filters: { kinds: [], audiences: [] } }, language: 'en', label: 'flyer' },
    'POST /api/staff/windows/:windowId/availability/cancel': { kind: 'day', date: '2099-12-31', modes: ['phone'], reason: 'closure' },
    'POST /api/staff/windows/:windowId/availability/release': { requestIds: [booked.requestId] },
    'POST /api/staff/windows/:windowId/availability/:mode': rules,
  }
  const params = { windowId: 'toshima', id: 'toshima', requestId: booked.requestId, keyId: String(key!.keyId), memberId: String((me as { member: { id: string } }).member.id), code: String(campaign!.code), mode: 'visit', z: '12', x: '3638', file: '1612.png' }

  return { origin, cookie: admin.cookie, params, bodies }
}
