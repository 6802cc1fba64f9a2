import { describe, expect, it } from 'vitest'
import { encryptReply } from '../../../src/shared/crypto/reply'
import { openVideoLink, sealVideoLink } from '../../../src/shared/crypto/video-link-seal'
import type { ReplyEnvelope } from '../../../src/shared/schemas/envelope'
import { generateRecipientKeyPair } from '../../../src/shared/crypto/window-keys'
import { makeBooking, sealTestEnvelope } from '../helpers/make-request'
import { StaffClient } from '../helpers/staff-client'
import { postJson, type ApiTarget } from './target'

export interface StaffContractSetup {
  target: ApiTarget
  /** The origin staff pages are served from, as the server expects it. */
  origin: string
  /** A one-time invite token for the window and role, as `npm run admin -- invite` makes it. */
  invite(windowId: string, role: 'staff' | 'admin'): Promise<string>
}

const random32 = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')

async function member(setup: StaffContractSetup, windowId: string, role: 'staff' | 'admin', name = 'たなか') {
  const client = await StaffClient.create(setup.target, setup.origin)
  const joined = await client.join(await setup.invite(windowId, role), name)
  expect(joined.status).toBe(201)
  return client
}

async function book(target: ApiTarget, windowId = 'toshima') {
  const booking = await makeBooking({ windowId, mode: 'phone' })
  expect((await postJson(target, '/api/requests', booking.body)).status).toBe(201)
  return booking
}

/** The staff API on either runtime: joining, signing in, the window's cases, and who may do what. */
export function defineStaffContract(getSetup: () => StaffContractSetup) {
  describe('職員: 招待、パスキー、セッション', () => {
    it('招待からパスキーを登録すると職員になり、職員専用のクッキーだけが渡される', async () => {
      const setup = getSetup()
      const client = await StaffClient.create(setup.target, setup.origin)
      const token = await setup.invite('toshima', 'staff')
      const info = await client.post('/api/staff/invites/info', { token })
      expect(await info.json()).toMatchObject({ windowId: 'toshima', role: 'staff' })
      const joined = await client.join(token, 'さとう')
      expect(joined.status).toBe(201)
      expect(await joined.json()).toMatchObject({ member: { displayName: 'さとう' }, windows: [{ windowId: 'toshima', role: 'staff' }], keys: [] })
      const cookie = client.lastSetCookie ?? ''
      expect(cookie).toMatch(/^tsunagu_staff=[A-Za-z0-9_-]{43};/)
      for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/staff']) expect(cookie).toContain(attribute)
      expect((await client.get('/api/staff/me')).status).toBe(200)
    })

    it('招待は一度だけ使える。二人目は同じ招待で入れない', async () => {
      const setup = getSetup()
      const token = await setup.invite('toshima', 'staff')
      expect((await (await StaffClient.create(setup.target, setup.origin)).join(token, 'いち')).status).toBe(201)
      const second = await StaffClient.create(setup.target, setup.origin)
      const again = await second.join(token, 'に')
      expect(again.status).toBe(404)
      expect(await again.json()).toEqual({ error: 'errors.inviteInvalid' })
      expect((await second.post('/api/staff/invites/info', { token })).status).toBe(404)
    })

    it('パスキーでサインインでき、サインアウトするとサーバー側でセッションが終わる', async () => {
      const setup = getSetup()
      const client = await member(setup, 'toshima', 'staff')
      const stolen = client.cookie
      expect((await client.post('/api/staff/logout')).status).toBe(204)
      expect((await client.get('/api/staff/me')).status).toBe(401)
      const replayed = await setup.target.fetch('/api/staff/me', { headers: { cookie: stolen } })
      expect(replayed.status).toBe(401)
      expect((await client.signIn()).status).toBe(200)
      expect((await client.get('/api/staff/me')).status).toBe(200)
    })

    it('ほかのサイトからの書き込み（Origin がちがう、ない）は 403', async () => {
      const setup = getSetup()
      const client = await member(setup, 'toshima', 'staff')
      const foreign = await client.send('POST', '/api/staff/logout', {}, { origin: 'https://evil.example' })
      expect(foreign.status).toBe(403)
      expect(await foreign.json()).toEqual({ error: 'errors.badOrigin' })
      expect((await client.get('/api/staff/me')).status).toBe(200)
    })

    it('セッションがなければ、どの職員の画面のデータも 401', async () => {
      const { target } = getSetup()
      for (const path of ['/api/staff/me', '/api/staff/windows/toshima/cases', '/api/staff/windows/toshima/members']) {
        const response = await target.fetch(path)
        expect(response.status).toBe(401)
        expect(await response.json()).toEqual({ error: 'errors.signInRequired' })
      }
    })
  })

  describe('職員: 窓口の相談', () => {
    it('窓口の相談が暗号文のまま一覧に届き、返事と状態は本人に、内部メモは職員だけに見える', async () => {
      const setup = getSetup()
      const client = await member(setup, 'toshima', 'staff')
      const booking = await book(setup.target)
      const list = (await (await client.get('/api/staff/windows/toshima/cases')).json()) as { cases: Array<{ requestId: string; status: string; envelope: unknown }> }
      const found = list.cases.find((c) => c.requestId === booking.requestId)
      expect(found?.status).toBe('received')
      expect(found?.envelope).toEqual(booking.body.envelope)

      const base = `/api/staff/windows/toshima/cases/${booking.requestId}`
      const replyId = crypto.randomUUID()
      const reply = await encryptReply(random32(), { v: 1, text: 'お電話します', writtenAt: new Date().toISOString() }, { requestId: booking.requestId, messageId: replyId })
      expect((await client.post(`${base}/replies`, { messageId: replyId, envelope: reply })).status).toBe(201)
      const noteId = crypto.randomUUID()
      const note = await sealTestEnvelope(booking.requestId, 'toshima', { v: 1, text: 'memo', writtenAt: new Date().toISOString() }, noteId)
      expect((await client.post(`${base}/notes`, { messageId: noteId, envelope: note })).status).toBe(201)
      expect((await client.post(`${base}/status`, { status: 'contacted' })).status).toBe(200)

      const view = (await (await postJson(setup.target, '/api/requests/lookup', booking.credentials)).json()) as { status: string; messages: Array<{ id: string; from: string }> }
      expect(view.status).toBe('contacted')
      expect(view.messages.map((m) => [m.id, m.from])).toEqual([[replyId, 'staff']])

      const detail = (await (await client.get(base)).json()) as { messages: Array<{ id: string; kind: string }> }
      expect(detail.messages.map((m) => [m.id, m.kind])).toEqual([[replyId, 'reply'], [noteId, 'note']])
    })

    it('相談記録は職員の一覧にだけ出て、本人の /status には出ない。ほかの依頼の封筒は 400', async () => {
      const setup = getSetup()
      const client = await member(setup, 'toshima', 'staff')
      const booking = await book(setup.target)
      const base = `/api/staff/windows/toshima/cases/${booking.requestId}`
      const contactId = crypto.randomUUID()
      const entry = { v: 1, id: contactId, date: '2026-12-04', method: 'phone', participants: ['parent'] }
      const contact = await sealTestEnvelope(booking.requestId, 'toshima', entry, contactId)
      expect((await client.post(`${base}/contacts`, { messageId: contactId, envelope: contact })).status).toBe(201)
      expect((await client.post(`${base}/contacts`, { messageId: contactId, envelope: contact })).status).toBe(409)
      const other = await book(setup.target)
      const misplaced = await sealTestEnvelope(other.requestId, 'toshima', entry, contactId)
      const refused = await client.post(`${base}/contacts`, { messageId: crypto.randomUUID(), envelope: misplaced })
      expect(refused.status).toBe(400)
      expect((await client.post(`${base}/contacts`, { messageId: 'x', envelope: {} })).status).toBe(400)

      const detail = (await (await client.get(base)).json()) as { messages: Array<{ id: string; kind: string; envelope: unknown }> }
      expect(detail.messages.map((m) => [m.id, m.kind])).toEqual([[contactId, 'contact']])
      expect(detail.messages[0]?.envelope).toEqual(contact)
      const view = (await (await postJson(setup.target, '/api/requests/lookup', booking.credentials)).json()) as { messages: unknown[] }
      expect(view.messages).toEqual([])
    })

    it('電話の相談を職員が受け付けると、受付番号で本人が /status を見られ、一覧に「電話」として出る', async () => {
      const setup = getSetup()
      const client = await member(setup, 'toshima', 'staff')
      const call = await makeBooking({ windowId: 'toshima', mode: 'phone', nickname: 'でんわのひと' })
      const created = await client.post('/api/staff/windows/toshima/cases', { ...call.body, origin: 'phone' })
      expect(created.status).toBe(201)
      expect(await created.json()).toMatchObject({ requestId: call.requestId, status: 'waiting', slot: null })

      const view = (await (await postJson(setup.target, '/api/requests/lookup', call.credentials)).json()) as { requestId: string; status: string }
      expect(view).toMatchObject({ requestId: call.requestId, status: 'waiting' })
      const list = (await (await client.get('/api/staff/windows/toshima/cases')).json()) as { cases: Array<{ requestId: string; origin: string }> }
      expect(list.cases.find((c) => c.requestId === call.requestId)?.origin).toBe('phone')
      const online = await book(setup.target)
      expect(((await (await client.get(`/api/staff/windows/toshima/cases/${online.requestId}`)).json()) as { origin: string }).origin).toBe('online')

      const again = await makeBooking({ windowId: 'toshima' })
      expect((await client.post('/api/staff/windows/toshima/cases', { ...again.body, origin: 'online' })).status).toBe(400)
      expect((await client.post('/api/staff/windows/toshima/cases', { ...again.body })).status).toBe(400)
      expect((await client.post('/api/staff/windows/toshima/cases', { ...call.body, origin: 'letter' })).status).toBe(409)
      const elsewhere = await makeBooking({ windowId: 'bunkyo' })
      expect((await client.post('/api/staff/windows/bunkyo/cases', { ...elsewhere.body, origin: 'walk-in' })).status).toBe(404)
      expect((await client.post('/api/staff/windows/toshima/cases', { ...elsewhere.body, origin: 'walk-in' })).status).toBe(400)
    })

    it('本人の追加メッセージは未読として数えられ、開くと既読になる', async () => {
      const setup = getSetup()
      const client = await member(setup, 'toshima', 'staff')
      const booking = await book(setup.target)
      const messageId = crypto.randomUUID()
      const envelope = await sealTestEnvelope(booking.requestId, 'toshima', { v: 1, text: 'よろしく', writtenAt: new Date().toISOString() }, messageId)
      expect((await postJson(setup.target, '/api/requests/messages', { ...booking.credentials, messageId, envelope })).status).toBe(201)
      const base = `/api/staff/windows/toshima/cases/${booking.requestId}`
      expect(((await (await client.get(base)).json()) as { unreadFollowUps: number }).unreadFollowUps).toBe(1)
      expect((await client.post(`${base}/read`)).status).toBe(204)
      expect(((await (await client.get(base)).json()) as { unreadFollowUps: number }).unreadFollowUps).toBe(0)
    })

    it('ビデオ通話のリンクは暗号のまま届き、受付番号の鍵でだけ開く。暗号でないリンクは 400 で、前のリンクは残る', async () => {
      const setup = getSetup()
      const client = await member(setup, 'toshima', 'staff')
      const booking = await book(setup.target)
      const base = `/api/staff/windows/toshima/cases/${booking.requestId}`
      const replyKey = random32()
      const sealed = await sealVideoLink(replyKey, booking.requestId, 'https://meet.example.jp/room-1')
      expect((await client.post(`${base}/video`, { video: sealed })).status).toBe(200)
      for (const refused of [{ videoUrl: 'https://meet.example.jp/x' }, { video: 'https://meet.example.jp/x' }, { video: { ...sealed, v: 2 } }, { video: { iv: sealed.iv } }]) {
        expect((await client.post(`${base}/video`, refused)).status).toBe(400)
      }
      const answer = await (await postJson(setup.target, '/api/requests/lookup', booking.credentials)).text()
      expect(answer).not.toContain('meet.example.jp')
      const view = JSON.parse(answer) as { video: ReplyEnvelope }
      expect(view.video).toEqual(sealed)
      expect(await openVideoLink(replyKey, booking.requestId, view.video)).toBe('https://meet.example.jp/room-1')
      // Sealed for one request, it does not open as another's.
      expect(await openVideoLink(replyKey, crypto.randomUUID(), view.video)).toBeNull()
    })

    it('ほかの窓口の職員は、一覧も中身も返事も状態の変更もできない（404）', async () => {
      const setup = getSetup()
      const other = await member(setup, 'bunkyo', 'admin')
      const booking = await book(setup.target, 'toshima')
      const base = `/api/staff/windows/toshima/cases/${booking.requestId}`
      const replyId = crypto.randomUUID()
      const reply = await encryptReply(random32(), { v: 1, text: 'x', writtenAt: new Date().toISOString() }, { requestId: booking.requestId, messageId: replyId })
      const attempts = [
        await other.get('/api/staff/windows/toshima/cases'),
        await other.get(base),
        await other.post(`${base}/replies`, { messageId: replyId, envelope: reply }),
        await other.post(`${base}/status`, { status: 'closed' }),
        await other.post(`${base}/video`, { video: await sealVideoLink(random32(), booking.requestId, 'https://evil.example/x') }),
        await other.get('/api/staff/windows/toshima/members'),
        // The case id of another window, asked for under the member's own window, is not found either.
        await other.get(`/api/staff/windows/bunkyo/cases/${booking.requestId}`),
      ]
      expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404])
      const view = (await (await postJson(setup.target, '/api/requests/lookup', booking.credentials)).json()) as { status: string; messages: unknown[]; video: unknown }
      expect(view).toMatchObject({ status: 'waiting', messages: [], video: null })
    })
  })

  describe('職員: 管理者の仕事', () => {
    it('職員の役割では、メンバー一覧・招待・取り消しはできない（403）', async () => {
      const setup = getSetup()
      const staff = await member(setup, 'toshima', 'staff')
      expect((await staff.get('/api/staff/windows/toshima/members')).status).toBe(403)
      expect((await staff.post('/api/staff/windows/toshima/invites', { role: 'admin' })).status).toBe(403)
    })

    it('管理者が取り消すと、その人のセッションは終わり、パスキーでも入れず、鍵は受け取り手から外れる', async () => {
      const setup = getSetup()
      const admin = await member(setup, 'toshima', 'admin', 'かんり')
      const leaving = await member(setup, 'toshima', 'staff', 'やめるひと')
      const me = (await (await leaving.get('/api/staff/me')).json()) as { member: { id: string } }
      const key = await leaving.post('/api/staff/keys', { windowId: 'toshima', publicKey: (await generateRecipientKeyPair()).publicKey })
      expect(key.status).toBe(201)
      const members = (await (await admin.get('/api/staff/windows/toshima/members')).json()) as { members: Array<{ id: string; keys: unknown[] }> }
      expect(members.members.find((m) => m.id === me.member.id)?.keys).toHaveLength(1)

      expect((await admin.post(`/api/staff/windows/toshima/members/${me.member.id}/revoke`)).status).toBe(204)
      expect((await leaving.get('/api/staff/me')).status).toBe(401)
      expect((await leaving.signIn()).status).toBe(401)
      const after = (await (await admin.get('/api/staff/windows/toshima/members')).json()) as { members: Array<{ id: string; revokedAt: string | null; keys: Array<{ status: string }> }> }
      const revoked = after.members.find((m) => m.id === me.member.id)
      expect(revoked?.revokedAt).not.toBeNull()
      expect(revoked?.keys.map((k) => k.status)).toEqual(['revoked'])
    })

    it('管理者は招待リンクを作れる。リンクの鍵はフラグメント（#）にあり、サーバーには残らない', async () => {
      const setup = getSetup()
      const admin = await member(setup, 'toshima', 'admin')
      const made = await admin.post('/api/staff/windows/toshima/invites', { role: 'staff' })
      expect(made.status).toBe(201)
      const { url } = (await made.json()) as { url: string }
      expect(url).toMatch(/\/staff\/join#[A-Za-z0-9_-]{43}$/)
      const newcomer = await StaffClient.create(setup.target, setup.origin)
      expect((await newcomer.join(url.split('#')[1] ?? '', 'あたらしいひと')).status).toBe(201)
    })
  })
}
