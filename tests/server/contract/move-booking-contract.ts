import { describe, expect, it } from 'vitest'
import { makeBooking } from '../helpers/make-request'
import { StaffClient } from '../helpers/staff-client'
import type { StaffContractSetup } from './staff-contract'
import { openSlots, postJson, type ApiTarget, type SlotJson } from './target'

interface CaseJson { requestId: string; status: string; slot: SlotJson | null }
interface ViewJson { status: string; slot: SlotJson | null }

async function staffMember(setup: StaffContractSetup, windowId = 'toshima') {
  const client = await StaffClient.create(setup.target, setup.origin)
  expect((await client.join(await setup.invite(windowId, 'staff'), 'いどう')).status).toBe(201)
  return client
}

/** A case booked in `slot` by staff (as for a phone caller): no public rate limit stands in the way. */
async function caseIn(client: StaffClient, slot: SlotJson | null, mode = 'phone') {
  const booking = await makeBooking({ windowId: 'toshima', mode: mode as 'phone', slotId: slot?.id ?? null })
  const created = await client.post('/api/staff/windows/toshima/cases', { ...booking.body, origin: 'phone' })
  expect(created.status).toBe(201)
  return booking
}

const lookup = async (target: ApiTarget, credentials: object) => (await (await postJson(target, '/api/requests/lookup', credentials)).json()) as ViewJson
const move = (client: StaffClient, requestId: string, slotId: unknown) => client.post(`/api/staff/windows/toshima/cases/${requestId}/move`, { slotId })

/** Moving a booking on either runtime: one transaction, the database forbidding double booking. */
export function defineMoveBookingContract(getSetup: () => StaffContractSetup) {
  describe('職員: 予約の時間を動かす', () => {
    it('空いている枠に動かすと、前の枠は空き、新しい枠は埋まり、本人の /status に新しい時間が出る', async () => {
      const setup = getSetup()
      const client = await staffMember(setup)
      const [from, to] = (await openSlots(setup.target, 'toshima', 'phone')).slice(-2) as [SlotJson, SlotJson]
      const booking = await caseIn(client, from)
      expect((await lookup(setup.target, booking.credentials)).slot?.id).toBe(from.id)

      const moved = await move(client, booking.requestId, to.id)
      expect(moved.status).toBe(200)
      expect((await moved.json()) as CaseJson).toMatchObject({ requestId: booking.requestId, slot: { id: to.id, start: to.start, end: to.end } })
      expect(await lookup(setup.target, booking.credentials)).toMatchObject({ status: 'booked', slot: { id: to.id, start: to.start } })
      const open = (await openSlots(setup.target, 'toshima', 'phone')).map((s) => s.id)
      expect(open).toContain(from.id)
      expect(open).not.toContain(to.id)

      // The freed slot takes a new booking; the taken one refuses it.
      const other = await makeBooking({ windowId: 'toshima', mode: 'phone', slotId: to.id })
      expect((await postJson(setup.target, '/api/requests', other.body)).status).toBe(409)
      const again = await makeBooking({ windowId: 'toshima', mode: 'phone', slotId: from.id })
      expect((await postJson(setup.target, '/api/requests', again.body)).status).toBe(201)
    })

    it('連絡待ちの相談にも時間を決められる。本人の /status は「予約」になる', async () => {
      const setup = getSetup()
      const client = await staffMember(setup)
      const booking = await caseIn(client, null)
      expect((await lookup(setup.target, booking.credentials)).status).toBe('waiting')
      const [slot] = (await openSlots(setup.target, 'toshima', 'phone')).slice(-3) as [SlotJson]
      expect((await move(client, booking.requestId, slot.id)).status).toBe(200)
      expect(await lookup(setup.target, booking.credentials)).toMatchObject({ status: 'booked', slot: { id: slot.id } })
    })

    it('埋まった枠・同じ枠・話し方のちがう枠・ほかの窓口の枠・取り消した相談は動かせず、元の予約はそのまま', async () => {
      const setup = getSetup()
      const client = await staffMember(setup)
      const phone = await openSlots(setup.target, 'toshima', 'phone')
      const [mine, theirs] = phone.slice(-5, -3) as [SlotJson, SlotJson]
      const booking = await caseIn(client, mine)
      await caseIn(client, theirs)
      const [visit] = await openSlots(setup.target, 'toshima', 'visit')
      const [bunkyo] = await openSlots(setup.target, 'bunkyo', 'video')

      const answers = async (slotId: unknown) => {
        const response = await move(client, booking.requestId, slotId)
        return [response.status, ((await response.json()) as { error: string; fields?: Array<{ key: string }> })]
      }
      expect(await answers(theirs.id)).toEqual([409, { error: 'errors.slotTaken' }])
      expect(await answers(mine.id)).toEqual([400, { error: 'errors.validation', fields: [{ path: 'slotId', key: 'validation.sameSlot' }] }])
      for (const slotId of [visit?.id, bunkyo?.id, 'no-such-slot']) {
        expect(await answers(slotId)).toEqual([400, { error: 'errors.validation', fields: [{ path: 'slotId', key: 'validation.unknownSlot' }] }])
      }
      for (const slotId of [null, '', 42, 'x'.repeat(81)]) expect((await move(client, booking.requestId, slotId)).status).toBe(400)
      expect((await lookup(setup.target, booking.credentials)).slot?.id).toBe(mine.id)

      expect((await client.post(`/api/staff/windows/toshima/cases/${booking.requestId}/status`, { status: 'cancelled' })).status).toBe(200)
      const [free] = (await openSlots(setup.target, 'toshima', 'phone')).slice(-6) as [SlotJson]
      expect(await answers(free.id)).toEqual([409, { error: 'errors.caseNotOpen' }])
    })

    it('ほかの窓口の職員は動かせない（404）。ほかのサイトからは 403', async () => {
      const setup = getSetup()
      const client = await staffMember(setup)
      const outsider = await StaffClient.create(setup.target, setup.origin)
      expect((await outsider.join(await setup.invite('bunkyo', 'admin'), 'よそ')).status).toBe(201)
      const phone = await openSlots(setup.target, 'toshima', 'phone')
      const [from, to] = phone.slice(-8, -6) as [SlotJson, SlotJson]
      const booking = await caseIn(client, from)
      expect((await move(outsider, booking.requestId, to.id)).status).toBe(404)
      expect((await outsider.post(`/api/staff/windows/bunkyo/cases/${booking.requestId}/move`, { slotId: to.id })).status).toBe(404)
      const foreign = await client.send('POST', `/api/staff/windows/toshima/cases/${booking.requestId}/move`, { slotId: to.id }, { origin: 'https://evil.example' })
      expect(foreign.status).toBe(403)
      expect((await lookup(setup.target, booking.credentials)).slot?.id).toBe(from.id)
    })

    it('50 件の相談を同時に同じ枠へ動かすと、動くのはちょうど 1 件。ほかは 409 で元の枠のまま、5xx なし', async () => {
      const setup = getSetup()
      const client = await staffMember(setup)
      const phone = await openSlots(setup.target, 'toshima', 'phone')
      expect(phone.length).toBeGreaterThanOrEqual(51)
      const target = phone[0] as SlotJson
      const cases = []
      for (const slot of phone.slice(1, 51)) cases.push({ slot, booking: await caseIn(client, slot) })

      const statuses = await Promise.all(cases.map(({ booking }) => move(client, booking.requestId, target.id).then((r) => r.status)))
      expect(statuses.filter((s) => s === 200)).toHaveLength(1)
      expect(statuses.filter((s) => s === 409)).toHaveLength(49)

      // Read back one at a time: the race is in the moves; 50 lookups at once only load the dev proxy.
      const views = []
      for (const { slot, booking } of cases) views.push({ slot, view: await lookup(setup.target, booking.credentials) })
      const inTarget = views.filter(({ view }) => view.slot?.id === target.id)
      expect(inTarget).toHaveLength(1)
      expect(views.filter(({ slot, view }) => view.slot?.id === slot.id)).toHaveLength(49)
      const open = (await openSlots(setup.target, 'toshima', 'phone')).map((s) => s.id)
      expect(open).not.toContain(target.id)
      expect(open).toContain(inTarget[0]?.slot.id)
    }, 120_000)
  })
}
