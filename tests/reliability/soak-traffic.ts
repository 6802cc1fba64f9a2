// The soak's mixed traffic (tests/reliability/soak.ts): what visitors, people who booked, and staff
// send to the real server, one request at a time, each from a client address of its own through the
// trusted proxy (X-Forwarded-For), so the per-client limits stay at their defaults.
import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { challengeResponseSchema } from '../../src/shared/proof-of-work/proof-schema'
import { solvePow } from '../../src/shared/proof-of-work/solve'
import type { ApiTarget, SlotJson } from '../server/contract/target'
import { makeBooking, sealTestEnvelope, type Credentials } from '../server/helpers/make-request'
import { StaffClient } from '../server/helpers/staff-client'

/** One timed request: status 0 is a network error (no answer); `detail` its cause, or a 4xx's error key. */
export interface Outcome {
  kind: string
  status: number
  ms: number
  detail?: string
}

interface Booked {
  credentials: Credentials
  requestId: string
  windowId: string
  address: string
  slot: boolean
  followUps: number
  /** A follow-up on its way: the same person does not cancel meanwhile. */
  busy?: boolean
}

/** Per mille of all requests; a slot booking also sends its challenge (counted apart). */
export const WEIGHTS = {
  page: 250,
  asset: 80,
  tile: 70,
  config: 100,
  slots: 100,
  booking: 60,
  'slot-booking': 2,
  lookup: 150,
  'follow-up': 30,
  cancel: 15,
  metrics: 90,
  'short-link': 20,
  'staff-inbox': 3,
  'staff-sign-in': 1,
} as const
export type Kind = keyof typeof WEIGHTS

const PAGES = ['/', '/easy', '/en', '/map', '/easy/map', '/en/map', '/status', '/easy/status', '/who-can-consult', '/easy/who-can-consult', '/en/windows', '/book?window=toshima', '/windows', '/confidential']
const WINDOWS = ['toshima', 'bunkyo']
/** Around Tokyo at zooms 12–15: a fixed set, so the tile cache has hits as well as misses. */
const TILES = Array.from({ length: 300 }, (_, i) => {
  const z = 12 + (i % 4)
  const scale = 2 ** (z - 12)
  return `/tiles/${z}/${3637 * scale + randomInt(4 * scale)}/${1612 * scale + randomInt(4 * scale)}.png`
})

function errorKey(body: ArrayBuffer): string | undefined {
  try {
    return (JSON.parse(new TextDecoder().decode(body)) as { error?: string }).error
  } catch {
    return undefined
  }
}

const pick = <T>(list: readonly T[]): T => list[randomInt(list.length)]!
const visitor = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`

export async function createTraffic(url: string, distDir: string, inviteToken: string) {
  const target: ApiTarget = { fetch: (path, init) => fetch(`${url}${path}`, init) }
  const assets = readdirSync(join(distDir, 'assets')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `/assets/${f}`)
  const booked: Booked[] = []
  const openSlots = new Map<string, SlotJson[]>()
  const staff = await StaffClient.create(target, url)
  const joined = await staff.join(inviteToken, 'soak')
  if (joined.status !== 201 && joined.status !== 200) throw new Error(`staff join: ${joined.status}`)

  /** Times one exchange, body read to the end, as a browser would. */
  const timed = async (kind: string, send: () => Promise<Response>): Promise<Outcome> => {
    const start = performance.now()
    try {
      const response = await send()
      const body = await response.arrayBuffer()
      const ms = performance.now() - start
      return { kind, status: response.status, ms, ...(response.status >= 400 ? { detail: errorKey(body) } : {}) }
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause
      return { kind, status: 0, ms: performance.now() - start, detail: cause?.code ?? cause?.message ?? (error as Error).name }
    }
  }
  const get = (kind: string, path: string, headers: Record<string, string> = {}) =>
    timed(kind, () => target.fetch(path, { headers: { 'accept-encoding': 'br, gzip', ...headers }, redirect: 'manual' }))
  const post = (kind: string, path: string, body: unknown, address: string) =>
    timed(kind, () => target.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify(body) }))
  const remember = (entry: Booked) => {
    booked.push(entry)
    if (booked.length > 5000) booked.splice(0, booked.length - 5000)
  }
  const take = (predicate: (b: Booked) => boolean): Booked | undefined => {
    for (let tries = 0; tries < 20 && booked.length > 0; tries++) {
      const candidate = booked[randomInt(booked.length)]!
      if (predicate(candidate)) return candidate
    }
    return undefined
  }

  const send: Record<Kind, () => Promise<Outcome[]>> = {
    page: async () => [await get('page', pick(PAGES))],
    asset: async () => [await get('asset', pick(assets))],
    tile: async () => [await get('tile', pick(TILES))],
    config: async () => [await get('config', '/api/config')],
    slots: async () => {
      const windowId = pick(WINDOWS)
      let slots: SlotJson[] = []
      const outcome = await timed('slots', async () => {
        const response = await target.fetch(`/api/windows/${windowId}/slots`)
        // Parsed outside the timing would need a second read; parsing a slot list is part of the client's cost anyway.
        slots = ((await response.clone().json()) as { slots?: SlotJson[] }).slots ?? []
        return response
      })
      openSlots.set(windowId, slots)
      return [outcome]
    },
    booking: async () => {
      const windowId = pick(WINDOWS)
      // Mostly a letter; some ask to be called back (phone without a time).
      const booking = await makeBooking({ windowId, mode: Math.random() < 0.7 ? 'letter' : 'phone', message: 'x'.repeat(randomInt(20, 800)) })
      const address = visitor()
      const outcome = await post('booking', '/api/requests', booking.body, address)
      if (outcome.status === 201) remember({ ...booking, windowId, address, slot: false, followUps: 0 })
      return [outcome]
    },
    'slot-booking': async () => {
      const windowId = pick(WINDOWS)
      const slots = openSlots.get(windowId) ?? []
      if (slots.length === 0) return send.slots()
      const slot = pick(slots)
      const address = visitor()
      const booking = await makeBooking({ windowId, mode: slot.mode as 'visit', slotId: slot.id })
      let challenge: unknown
      const asked = await timed('challenge', async () => {
        const response = await target.fetch('/api/requests/challenge', { method: 'POST', headers: { 'x-forwarded-for': address } })
        if (response.status === 200) challenge = ((await response.clone().json()) as { challenge: unknown }).challenge
        return response
      })
      if (!challenge) return [asked]
      const parsed = challengeResponseSchema.parse({ challenge }).challenge
      const proof = { challenge: parsed, solution: await solvePow(parsed) }
      const outcome = await post('slot-booking', '/api/requests', { ...booking.body, proof }, address)
      if (outcome.status === 201) remember({ ...booking, windowId, address, slot: true, followUps: 0 })
      return [asked, outcome]
    },
    lookup: async () => {
      const known = Math.random() < 0.9 ? take(() => true) : undefined
      const credentials = known?.credentials ?? { lookupId: randomBytes(32).toString('base64url'), authKey: randomBytes(32).toString('base64url') }
      return [await post('lookup', '/api/requests/lookup', credentials, known?.address ?? visitor())]
    },
    'follow-up': async () => {
      const entry = take((b) => b.followUps < 3 && !b.busy)
      if (!entry) return send.lookup()
      entry.followUps++
      entry.busy = true
      const messageId = randomUUID()
      const envelope = await sealTestEnvelope(entry.requestId, entry.windowId, { message: 'y'.repeat(randomInt(20, 400)) }, messageId)
      const outcome = await post('follow-up', '/api/requests/messages', { ...entry.credentials, messageId, envelope }, entry.address)
      entry.busy = false
      return [outcome]
    },
    cancel: async () => {
      // Slot bookings are cancelled first, so the slots come free again and the soak never runs out.
      const entry = take((b) => b.slot && !b.busy) ?? take((b) => !b.busy)
      if (!entry) return send.lookup()
      booked.splice(booked.indexOf(entry), 1)
      return [await post('cancel', '/api/requests/cancel', entry.credentials, entry.address)]
    },
    metrics: async () => [await post('metrics', '/api/metrics', { campaign: pick(['qr-ikebukuro', 'qr-library', 'poster-2026']), event: pick(['scan', 'form-open']) }, visitor())],
    'short-link': async () => [await get('short-link', `/q/${pick(['qr-ikebukuro', 'qr-library', 'unknown-code'])}`)],
    'staff-inbox': async () => [await timed('staff-inbox', () => staff.get('/api/staff/windows/toshima/cases'))],
    'staff-sign-in': async () => [await timed('staff-sign-in', () => staff.signIn())],
  }

  const table = Object.entries(WEIGHTS) as Array<[Kind, number]>
  const total = table.reduce((sum, [, w]) => sum + w, 0)
  return {
    /** One request (or a challenge + booking) of a kind drawn by weight. */
    next(): Promise<Outcome[]> {
      let roll = randomInt(total)
      for (const [kind, weight] of table) {
        if ((roll -= weight) < 0) return send[kind]()
      }
      return send.page()
    },
    bookedNow: () => booked.length,
  }
}
