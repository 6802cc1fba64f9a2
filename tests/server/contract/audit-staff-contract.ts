import { describe, expect, it } from 'vitest'
import { todayInTokyo } from '../../../src/server/slots/generate-slots'
import type { AuditPage } from '../../../src/shared/schemas/audit'
import { makeBooking, sealTestEnvelope } from '../helpers/make-request'
import { StaffClient } from '../helpers/staff-client'
import type { StaffContractSetup } from './staff-contract'
import { postJson } from './target'

const MARKER = 'AUDIT-ひみつ-MARKER'

/** Administrators read who did what to which case and when, never what was written (issue 10). */
export function defineAuditStaffContract(getSetup: () => StaffContractSetup) {
  describe('職員: 監査ログ', () => {
    it('管理者は、だれが・いつ・どの相談に・何をしたかを読める。中身は出ない', async () => {
      const setup = getSetup()
      const admin = await StaffClient.create(setup.target, setup.origin)
      expect((await admin.join(await setup.invite('toshima', 'admin'), 'かんり')).status).toBe(201)
      const staff = await StaffClient.create(setup.target, setup.origin)
      expect((await staff.join(await setup.invite('toshima', 'staff'), 'きろく')).status).toBe(201)
      const booking = await makeBooking({ nickname: MARKER, message: MARKER })
      expect((await postJson(setup.target, '/api/requests', booking.body)).status).toBe(201)
      const base = `/api/staff/windows/toshima/cases/${booking.requestId}`
      expect((await staff.post(`${base}/status`, { status: 'contacted' })).status).toBe(200)
      const messageId = crypto.randomUUID()
      const note = await sealTestEnvelope(booking.requestId, 'toshima', { v: 1, text: MARKER, writtenAt: new Date().toISOString() }, messageId)
      expect((await staff.post(`${base}/notes`, { messageId, envelope: { ...note, kind: 'note' } })).status).toBe(201)

      const today = todayInTokyo(new Date())
      const response = await admin.get(`/api/staff/windows/toshima/audit?from=${today}&to=${today}`)
      expect(response.status).toBe(200)
      const text = await response.text()
      const page = JSON.parse(text) as AuditPage
      const mine = page.entries.filter((e) => e.requestId === booking.requestId)
      expect(mine.map((e) => [e.memberName, e.action, e.target])).toEqual([
        ['きろく', 'case.noted', null],
        ['きろく', 'case.status', 'contacted'],
      ])
      expect(page.entries.find((e) => e.action === 'member.joined' && e.memberName === 'きろく')).toMatchObject({ target: 'staff', requestId: null })
      expect(page.entries.every((e) => e.at.startsWith('20'))).toBe(true)
      expect(text).not.toContain(MARKER)
      expect(text).not.toContain(note.ciphertext)

      const older = await admin.get('/api/staff/windows/toshima/audit?from=2020-01-01&to=2020-01-31')
      expect(((await older.json()) as AuditPage).entries).toEqual([])
    })

    it('1ページずつ古い方へたどれる', async () => {
      const setup = getSetup()
      const admin = await StaffClient.create(setup.target, setup.origin)
      expect((await admin.join(await setup.invite('toshima', 'admin'), 'ページ')).status).toBe(201)
      const first = (await (await admin.get('/api/staff/windows/toshima/audit?limit=2')).json()) as AuditPage
      expect(first.entries).toHaveLength(2)
      expect(first.nextBefore).toBe(first.entries[1]!.id)
      const second = (await (await admin.get(`/api/staff/windows/toshima/audit?limit=2&before=${first.nextBefore}`)).json()) as AuditPage
      expect(second.entries.length).toBeGreaterThan(0)
      expect(Math.max(...second.entries.map((e) => e.id))).toBeLessThan(first.nextBefore!)
    })

    it('職員は 403、ほかの窓口は 404、サインインなしは 401、おかしな条件は 400', async () => {
      const setup = getSetup()
      const staff = await StaffClient.create(setup.target, setup.origin)
      expect((await staff.join(await setup.invite('toshima', 'staff'), 'みるだけ')).status).toBe(201)
      expect((await staff.get('/api/staff/windows/toshima/audit')).status).toBe(403)
      const admin = await StaffClient.create(setup.target, setup.origin)
      expect((await admin.join(await setup.invite('toshima', 'admin'), 'となり')).status).toBe(201)
      expect((await admin.get('/api/staff/windows/bunkyo/audit')).status).toBe(404)
      expect((await setup.target.fetch('/api/staff/windows/toshima/audit')).status).toBe(401)
      for (const query of ['from=yesterday', 'from=2026-02-01&to=2026-01-01', 'limit=0', 'limit=501', 'limit=abc', 'before=-1', 'before=1.5']) {
        const bad = await admin.get(`/api/staff/windows/toshima/audit?${query}`)
        expect(bad.status, query).toBe(400)
        expect(((await bad.json()) as { error: string }).error).toBe('errors.validation')
      }
    })
  })
}
