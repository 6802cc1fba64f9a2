import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR } from '../../src/server/store/migrate'
import { slotCancelReasons, slotModes } from '../../src/shared/schemas/availability'
import { createInvite } from '../../src/server/staff/invites'
import { sql } from '../../src/server/store/sql-driver'
import { openSlots, postJson } from './contract/target'
import { makeBooking } from './helpers/make-request'
import { startNodeApp } from './helpers/node-app'
import { StaffClient } from './helpers/staff-client'

// Wednesday 25 November 2026, 08:55 in Tokyo: Toshima's phone line opens at 8:30, the first slot is 9:00.
let clock = Date.parse('2026-11-25T08:55:00+09:00')
let node: Awaited<ReturnType<typeof startNodeApp>>
let admin: StaffClient
beforeAll(async () => {
  node = await startNodeApp({ now: () => new Date(clock) })
  admin = await StaffClient.create(node.target, 'http://localhost')
  expect((await admin.join((await createInvite(node.store, { windowId: 'toshima', role: 'admin' }, new Date(clock), 'http://localhost')).token, 'かんり')).status).toBe(201)
})
afterAll(() => node.close())

describe('受付枠: 予告と記録（Node、時計を止めて）', () => {
  it('8:55 には 9:00 の枠を出さず、直接予約しても 409 で、2時間後からの枠を代わりに示す', async () => {
    const phone = await openSlots(node.target, 'toshima', 'phone')
    expect(phone[0]!.start).toBe('2026-11-25T11:00:00+09:00')
    const nine = 'toshima-phone-20261125-0900'
    expect((await node.store.getSlot(nine))?.booked).toBe(false)
    const booking = await makeBooking({ windowId: 'toshima', mode: 'phone', slotId: nine })
    const refused = await postJson(node.target, '/api/requests', booking.body)
    expect(refused.status).toBe(409)
    const { error, alternatives } = (await refused.json()) as { error: string; alternatives: Array<{ start: string }> }
    expect(error).toBe('errors.slotTaken')
    expect(alternatives[0]!.start).toBe('2026-11-25T11:00:00+09:00')
  })

  it('夜は、次に窓口が開くまでの枠を出さない。予告を0にすると開いている間はすぐの枠も出る', async () => {
    clock = Date.parse('2026-11-24T22:00:00+09:00')
    expect((await openSlots(node.target, 'toshima', 'phone'))[0]!.start).toBe('2026-11-25T09:00:00+09:00')
    clock = Date.parse('2026-11-25T08:55:00+09:00')
    const phone = (await (await admin.get('/api/staff/windows/toshima/availability')).json()) as { modes: Array<{ mode: string; settings: Record<string, unknown> }> }
    const settings = { ...phone.modes.find((m) => m.mode === 'phone')!.settings, noticeHours: 0 }
    expect((await admin.post('/api/staff/windows/toshima/availability/phone', settings)).status).toBe(200)
    expect((await openSlots(node.target, 'toshima', 'phone'))[0]!.start).toBe('2026-11-25T09:00:00+09:00')
  })

  it('変更・取り消し・解放・知らせたことは監査ログに残り、中身は残らない', async () => {
    const [slot] = await openSlots(node.target, 'toshima', 'phone')
    const booking = await makeBooking({ windowId: 'toshima', mode: 'phone', slotId: slot!.id, nickname: 'ひみつのなまえ' })
    expect((await postJson(node.target, '/api/requests', booking.body)).status).toBe(201)
    const base = '/api/staff/windows/toshima/availability'
    expect((await admin.post(`${base}/cancel`, { kind: 'day', date: '2026-11-25', modes: ['phone'], reason: 'staffUnavailable' })).status).toBe(200)
    expect((await admin.post(`/api/staff/windows/toshima/cases/${booking.requestId}/told`)).status).toBe(204)
    const other = await makeBooking({ windowId: 'toshima', mode: 'phone', slotId: (await openSlots(node.target, 'toshima', 'phone'))[0]!.id })
    expect((await postJson(node.target, '/api/requests', other.body)).status).toBe(201)
    expect(await (await admin.post(`${base}/release`, { requestIds: [other.requestId] })).json()).toEqual({ released: 1 })
    const rows = await node.driver.all(sql("SELECT action, request_id, target FROM audit_log WHERE window_id = 'toshima' AND action != 'member.joined' ORDER BY id"))
    expect(rows.map((r) => [r.action, r.request_id, r.target])).toEqual([
      ['availability.saved', null, 'phone'],
      ['day.cancelled', null, '2026-11-25'],
      ['booking.cancelledByWindow', booking.requestId, 'staffUnavailable'],
      ['case.personTold', booking.requestId, null],
      ['bookings.released', null, '1'],
      ['booking.released', other.requestId, null],
    ])
    expect(JSON.stringify(await node.driver.all(sql('SELECT * FROM audit_log')))).not.toContain('ひみつ')
  })
})

describe('移行 0006 の CHECK は共有の一覧と同じ', () => {
  it('方法は slotModes、理由は slotCancelReasons（取り消しの表には「まとめて空けた」はない）', () => {
    const migration = readFileSync(join(MIGRATIONS_DIR, '0006_availability.sql'), 'utf8')
    const lists = (column: string) => [...migration.matchAll(new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`, 'g'))].map((m) => [...m[1]!.matchAll(/'([^']+)'/g)].map((v) => v[1]))
    expect(lists('mode')).toEqual([[...slotModes], [...slotModes]])
    expect(lists('reason')).toEqual([slotCancelReasons.filter((r) => r !== 'released')])
    expect(lists('slot_notice_reason')).toEqual([[...slotCancelReasons]])
  })
})
