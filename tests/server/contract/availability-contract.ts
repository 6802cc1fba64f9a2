import { describe, expect, it } from 'vitest'
import { makeBooking } from '../helpers/make-request'
import { StaffClient } from '../helpers/staff-client'
import type { StaffContractSetup } from './staff-contract'
import { openSlots, postJson, type ApiTarget, type SlotJson } from './target'

const base = '/api/staff/windows/toshima/availability'
const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const early = { rules: [{ days: everyDay, from: '07:05', to: '07:35', minutes: 30, buffer: 0 }], closedDates: [], specialDays: [], noticeHours: 0, horizonDays: 14 }

async function joined(setup: StaffContractSetup, role: 'staff' | 'admin', windowId = 'toshima') {
  const client = await StaffClient.create(setup.target, setup.origin)
  expect((await client.join(await setup.invite(windowId, role), role === 'admin' ? 'かんり' : 'しょくいん')).status).toBe(201)
  return client
}

async function bookVisit(target: ApiTarget, slot: SlotJson) {
  const booking = await makeBooking({ windowId: 'toshima', mode: 'visit', slotId: slot.id })
  expect((await postJson(target, '/api/requests', booking.body)).status).toBe(201)
  return booking
}

const lookup = async (target: ApiTarget, credentials: { lookupId: string; authKey: string }) =>
  (await (await postJson(target, '/api/requests/lookup', credentials)).json()) as { status: string; slot: SlotJson | null; slotNotice?: unknown }

/** Staff run the window's availability (src/server/staff/availability-routes.ts) on either runtime. */
export function defineAvailabilityContract(getSetup: () => StaffContractSetup) {
  describe('職員: 受付枠', () => {
    it('管理者が来所の枠を変えると、公開の空き枠が変わり、予約済みの枠はそのまま残る', async () => {
      const setup = getSetup()
      const admin = await joined(setup, 'admin')
      const view = (await (await admin.get(base)).json()) as { modes: Array<{ mode: string; saved: boolean; settings: typeof early }> }
      expect(view.modes.map((m) => m.mode)).toEqual(['phone', 'visit', 'video'])
      const visit = view.modes.find((m) => m.mode === 'visit')!
      expect(visit.saved).toBe(false)
      expect(visit.settings).toMatchObject({ noticeHours: 2, horizonDays: 14, rules: [{ from: '09:30' }, { from: '13:30' }] })

      const before = await openSlots(setup.target, 'toshima', 'visit')
      expect(before.length).toBeGreaterThan(1)
      const booking = await bookVisit(setup.target, before[0]!)
      const saved = await admin.post(`${base}/visit`, early)
      expect(saved.status).toBe(200)
      const answer = (await saved.json()) as { saved: boolean; added: number; removed: number }
      expect(answer.saved).toBe(true)
      expect(answer.removed).toBeGreaterThanOrEqual(before.length - 1)
      expect(answer.added).toBeGreaterThan(0)

      const after = await openSlots(setup.target, 'toshima', 'visit')
      expect(after.length).toBeGreaterThan(0)
      for (const slot of after) expect(slot.start).toMatch(/T07:05:00\+09:00$/)
      expect((await lookup(setup.target, booking.credentials)).slot).toEqual(before[0])
      const staffSlots = (await (await admin.get(`${base}/slots`)).json()) as { slots: Array<SlotJson & { booking: { requestId: string } | null }> }
      expect(staffSlots.slots.find((s) => s.id === before[0]!.id)?.booking?.requestId).toBe(booking.requestId)
      const reread = (await (await admin.get(base)).json()) as { modes: Array<{ mode: string; saved: boolean; settings: unknown }> }
      expect(reread.modes.find((m) => m.mode === 'visit')).toMatchObject({ saved: true, settings: early })
    })

    it('職員は枠を見られるが変えられない（403）。ほかの窓口は 404。まちがった内容は 400 とキー', async () => {
      const setup = getSetup()
      const staff = await joined(setup, 'staff')
      expect((await staff.get(base)).status).toBe(200)
      const refused = await staff.post(`${base}/visit`, early)
      expect(refused.status).toBe(403)
      expect(await refused.json()).toEqual({ error: 'errors.forbidden' })
      expect((await staff.get('/api/staff/windows/bunkyo/availability')).status).toBe(404)
      const admin = await joined(setup, 'admin')
      expect((await admin.post('/api/staff/windows/bunkyo/availability/visit', early)).status).toBe(404)
      expect((await admin.post(`${base}/letter`, early)).status).toBe(404)
      const reversed = await admin.post(`${base}/visit`, { ...early, rules: [{ ...early.rules[0], from: '12:00', to: '11:00' }] })
      expect(reversed.status).toBe(400)
      expect(await reversed.json()).toEqual({ error: 'errors.validation', fields: [{ path: 'rules.0.to', key: 'validation.hoursOrder' }] })
      const far = await admin.post(`${base}/visit`, { ...early, horizonDays: 90 })
      expect(await far.json()).toEqual({ error: 'errors.validation', fields: [{ path: 'horizonDays', key: 'validation.tooLarge' }] })
      expect((await admin.post(`${base}/release`, { requestIds: [] })).status).toBe(400)
      expect((await staff.post(`${base}/release`, { requestIds: [crypto.randomUUID()] })).status).toBe(403)
    })

    it('職員が急に休む日を取り消すと、その日の予約は連絡待ちになり、/status に理由が出て、案件に「知らせる」が出る', async () => {
      const setup = getSetup()
      const staff = await joined(setup, 'staff')
      const open = await openSlots(setup.target, 'toshima', 'visit')
      const booking = await bookVisit(setup.target, open[0]!)
      const day = open[0]!.start.slice(0, 10)
      const cancelled = await staff.post(`${base}/cancel`, { kind: 'day', date: day, modes: ['visit'], reason: 'staffUnavailable' })
      expect(cancelled.status).toBe(200)
      expect(await cancelled.json()).toEqual({ cancelledSlots: 1, affectedBookings: 1 })

      expect(await lookup(setup.target, booking.credentials)).toMatchObject({ status: 'waiting', slot: null, slotNotice: { reason: 'staffUnavailable', start: open[0]!.start } })
      const caseUrl = `/api/staff/windows/toshima/cases/${booking.requestId}`
      expect(await (await staff.get(caseUrl)).json()).toMatchObject({ status: 'received', slot: null, slotNotice: { reason: 'staffUnavailable', tellPerson: true } })
      expect((await openSlots(setup.target, 'toshima', 'visit')).filter((s) => s.start.startsWith(day))).toEqual([])

      // Saving the rules again does not bring the cancelled day back.
      const admin = await joined(setup, 'admin')
      expect((await admin.post(`${base}/visit`, early)).status).toBe(200)
      expect((await openSlots(setup.target, 'toshima', 'visit')).filter((s) => s.start.startsWith(day))).toEqual([])

      expect((await staff.post(`${caseUrl}/told`)).status).toBe(204)
      expect(await (await staff.get(caseUrl)).json()).toMatchObject({ slotNotice: { tellPerson: false } })
      expect((await staff.post(`${caseUrl}/told`)).status).toBe(404)
      const past = await staff.post(`${base}/cancel`, { kind: 'day', date: '2020-01-06', modes: ['visit'], reason: 'closure' })
      expect(await past.json()).toEqual({ error: 'errors.validation', fields: [{ path: 'date', key: 'validation.pastDate' }] })
      expect((await staff.post(`${base}/cancel`, { kind: 'slot', slotId: 'toshima-visit-20200106-0705', reason: 'closure' })).status).toBe(404)
    })

    it('一つの枠だけを取り消すと、その枠は空き枠から消える', async () => {
      const setup = getSetup()
      const staff = await joined(setup, 'staff')
      const [slot] = await openSlots(setup.target, 'toshima', 'visit')
      const cancelled = await staff.post(`${base}/cancel`, { kind: 'slot', slotId: slot!.id, reason: 'closure' })
      expect(await cancelled.json()).toEqual({ cancelledSlots: 1, affectedBookings: 0 })
      expect((await openSlots(setup.target, 'toshima', 'visit')).map((s) => s.id)).not.toContain(slot!.id)
    })

    it('管理者があやしい予約をまとめて解放すると、枠がまた空き、予約した人には取り消しが見える', async () => {
      const setup = getSetup()
      const admin = await joined(setup, 'admin')
      const open = await openSlots(setup.target, 'toshima', 'visit')
      const first = await bookVisit(setup.target, open[0]!)
      const second = await bookVisit(setup.target, open[1]!)
      const ids = (await openSlots(setup.target, 'toshima', 'visit')).map((s) => s.id)
      expect(ids).not.toContain(open[0]!.id)
      const released = await admin.post(`${base}/release`, { requestIds: [first.requestId, second.requestId, crypto.randomUUID()] })
      expect(await released.json()).toEqual({ released: 2 })
      const reopened = (await openSlots(setup.target, 'toshima', 'visit')).map((s) => s.id)
      expect(reopened).toEqual(expect.arrayContaining([open[0]!.id, open[1]!.id]))
      expect(await lookup(setup.target, first.credentials)).toMatchObject({ status: 'waiting', slot: null, slotNotice: { reason: 'released' } })
      expect(await (await admin.get(`/api/staff/windows/toshima/cases/${second.requestId}`)).json()).toMatchObject({ slotNotice: { reason: 'released', tellPerson: false } })
    })
  })
}
