import { describe, expect, it } from 'vitest'
import { makeBooking } from '../helpers/make-request'
import { openSlots, postJson, type ApiTarget } from './target'

const DAY_MS = 86_400_000

/** The public API as a person's browser uses it; run against every runtime the app ships on. */
export function defineApiContract(getTarget: () => ApiTarget) {
  describe('公開 API の契約', { timeout: 30_000 }, () => {
    it('/api/health は no-store・セキュリティヘッダー付きで、クッキーを置かない', async () => {
      const response = await getTarget().fetch('/api/health')
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'")
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('set-cookie')).toBeNull()
    })

    it('新規・再送・枠なし・エラーの応答も /api/health と同じセキュリティヘッダーと no-store を持つ', async () => {
      const target = getTarget()
      const names = ['cache-control', 'content-security-policy', 'referrer-policy', 'x-content-type-options', 'x-frame-options',
        'cross-origin-opener-policy', 'cross-origin-resource-policy', 'permissions-policy', 'strict-transport-security']
      const headersOf = (response: Response) => Object.fromEntries(names.map((name) => [name, response.headers.get(name)]))
      const expected = headersOf(await target.fetch('/api/health'))
      expect(expected['strict-transport-security']).toBe('max-age=63072000; includeSubDomains')
      const [slot] = await openSlots(target, 'toshima', 'phone')
      const booking = (await makeBooking({ slotId: slot?.id })).body
      const answers = [
        await postJson(target, '/api/requests', booking),
        await postJson(target, '/api/requests', booking),
        await postJson(target, '/api/requests', (await makeBooking({ mode: 'letter' })).body),
        await postJson(target, '/api/requests', { ...booking, slotId: null }),
        await postJson(target, '/api/requests', '{'),
      ]
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 409, 400])
      expect(Object.values(expected).every((value) => value !== null)).toBe(true)
      for (const answer of answers) {
        expect(headersOf(answer)).toEqual(expected)
        expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
      }
    })

    it('/api/config は窓口ごとに職員鍵と回復用鍵を受信者として公開する', async () => {
      const response = await getTarget().fetch('/api/config')
      expect(response.status).toBe(200)
      const config = (await response.json()) as { windows: Array<{ id: string; recipients: Array<{ kind: string; publicKey: string; fingerprint: string }> }> }
      const toshima = config.windows.find((w) => w.id === 'toshima')
      expect(toshima?.recipients.map((r) => r.kind).sort()).toEqual(['recovery', 'staff'])
      for (const key of toshima?.recipients ?? []) expect(key.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/)
    })

    it('空き枠は未来の空きだけを、開始順に、14 日以内で返す', async () => {
      const target = getTarget()
      const response = await target.fetch('/api/windows/toshima/slots')
      expect(response.status).toBe(200)
      const { slots } = (await response.json()) as { slots: Array<{ start: string; windowId: string; mode: string }> }
      expect(slots.length).toBeGreaterThan(0)
      const starts = slots.map((s) => Date.parse(s.start))
      expect([...starts].sort((a, b) => a - b)).toEqual(starts)
      expect(Math.min(...starts)).toBeGreaterThan(Date.now() - 60_000)
      expect(Math.max(...starts)).toBeLessThanOrEqual(Date.now() + 14 * DAY_MS)
      expect(new Set(slots.map((s) => s.windowId))).toEqual(new Set(['toshima']))
      const phone = await openSlots(target, 'toshima', 'phone')
      expect(phone.every((s) => s.mode === 'phone' && s.start.endsWith('+09:00'))).toBe(true)
    })

    it('空き枠: 知らない窓口は 404、長すぎる期間と壊れた日付は 400', async () => {
      const target = getTarget()
      expect(await (await target.fetch('/api/windows/nowhere/slots')).json()).toEqual({ error: 'errors.windowNotFound' })
      const tooLong = await target.fetch('/api/windows/toshima/slots?from=2030-01-01&to=2030-02-01')
      expect(tooLong.status).toBe(400)
      expect(await tooLong.json()).toEqual({ error: 'errors.validation', fields: [{ path: 'to', key: 'validation.rangeTooLong' }] })
      const broken = await target.fetch('/api/windows/toshima/slots?from=yesterday')
      expect(broken.status).toBe(400)
    })

    it('枠なしの相談は 201 で「連絡待ち」になり、受付番号で状況が見える', async () => {
      const target = getTarget()
      const { body, credentials, requestId } = await makeBooking({ mode: 'letter' })
      const created = await postJson(target, '/api/requests', body)
      expect(created.status).toBe(201)
      expect(await created.json()).toMatchObject({ requestId, status: 'waiting', slot: null })
      const lookup = await postJson(target, '/api/requests/lookup', credentials)
      expect(lookup.status).toBe(200)
      expect(await lookup.json()).toMatchObject({ requestId, status: 'waiting', slot: null, messages: [], video: null })
    })

    it('枠つきの相談はその場で確定し、枠は空きの一覧から消える', async () => {
      const target = getTarget()
      const [slot] = await openSlots(target, 'toshima', 'phone')
      const { body, credentials } = await makeBooking({ slotId: slot?.id })
      const created = await postJson(target, '/api/requests', body)
      expect(created.status).toBe(201)
      expect(await created.json()).toMatchObject({ status: 'booked', slot })
      expect((await openSlots(target, 'toshima', 'phone')).map((s) => s.id)).not.toContain(slot?.id)
      const view = (await (await postJson(target, '/api/requests/lookup', credentials)).json()) as { slot: unknown; status: string }
      expect(view).toMatchObject({ status: 'booked', slot })
    })

    it('同じ requestId の再送は最初の答えをそのまま返し、中身が違えば 409 conflict', async () => {
      const target = getTarget()
      const [slot] = await openSlots(target, 'toshima', 'phone')
      const { body } = await makeBooking({ slotId: slot?.id })
      const first = await postJson(target, '/api/requests', body)
      const firstText = await first.text()
      const again = await postJson(target, '/api/requests', body)
      expect(again.status).toBe(201)
      expect(await again.text()).toBe(firstText)
      const changed = await postJson(target, '/api/requests', { ...body, slotId: null })
      expect(changed.status).toBe(409)
      expect(await changed.json()).toEqual({ error: 'errors.conflict' })
    })

    it('埋まった枠には 409 slotTaken と、同じ窓口・方法の次の空きを返す', async () => {
      const target = getTarget()
      const [slot] = await openSlots(target, 'toshima', 'phone')
      expect((await postJson(target, '/api/requests', (await makeBooking({ slotId: slot?.id })).body)).status).toBe(201)
      const late = await postJson(target, '/api/requests', (await makeBooking({ slotId: slot?.id })).body)
      expect(late.status).toBe(409)
      const json = (await late.json()) as { error: string; alternatives: Array<{ id: string; windowId: string; mode: string }> }
      expect(json.error).toBe('errors.slotTaken')
      expect(json.alternatives.length).toBeGreaterThan(0)
      expect(json.alternatives.every((a) => a.windowId === 'toshima' && a.mode === 'phone' && a.id !== slot?.id)).toBe(true)
    })

    it('不正な入力は項目ごとの i18n キーつき 400、壊れた JSON・違う形式・大きすぎる本文もキーで答える', async () => {
      const target = getTarget()
      const { body } = await makeBooking()
      const invalid = await postJson(target, '/api/requests', { ...body, lookupId: 'short', windowId: 'Nope!' })
      expect(invalid.status).toBe(400)
      const json = (await invalid.json()) as { error: string; fields: Array<{ path: string; key: string }> }
      expect(json.error).toBe('errors.validation')
      expect(json.fields).toEqual(
        expect.arrayContaining([
          { path: 'lookupId', key: 'validation.invalid' },
          { path: 'windowId', key: 'validation.invalid' },
        ]),
      )
      const unknownSlot = await postJson(target, '/api/requests', { ...body, slotId: 'toshima-phone-19990101-0900' })
      expect(await unknownSlot.json()).toEqual({ error: 'errors.validation', fields: [{ path: 'slotId', key: 'validation.unknownSlot' }] })
      const broken = await postJson(target, '/api/requests', '{"requestId": ')
      expect([broken.status, await broken.json()]).toEqual([400, { error: 'errors.invalidJson' }])
      const text = await target.fetch('/api/requests', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) })
      expect([text.status, await text.json()]).toEqual([415, { error: 'errors.unsupportedMediaType' }])
      const huge = await postJson(target, '/api/requests', { ...body, padding: 'x'.repeat(70_000) })
      expect([huge.status, await huge.json()]).toEqual([413, { error: 'errors.tooLarge' }])
    })

    it('知らない受付番号と、鍵だけ違う受付番号は区別できない答えになる', async () => {
      const target = getTarget()
      const { body, credentials } = await makeBooking()
      await postJson(target, '/api/requests', body)
      const other = await makeBooking()
      const unknown = await postJson(target, '/api/requests/lookup', other.credentials)
      const wrong = await postJson(target, '/api/requests/lookup', { lookupId: credentials.lookupId, authKey: other.credentials.authKey })
      expect(unknown.status).toBe(404)
      expect(wrong.status).toBe(unknown.status)
      expect(await wrong.text()).toBe(await unknown.text())
      expect([...wrong.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort())
      // 43 characters whose last one carries non-zero padding bits: not canonical base64url.
      const odd = await postJson(target, '/api/requests/lookup', { lookupId: credentials.lookupId, authKey: `${'A'.repeat(42)}B` })
      expect([odd.status, await odd.text()]).toEqual([404, await (await postJson(target, '/api/requests/lookup', other.credentials)).text()])
      for (const path of ['/api/requests/cancel', '/api/requests/messages']) {
        const extra = path.endsWith('messages') ? { messageId: crypto.randomUUID(), envelope: body.envelope } : {}
        const a = await postJson(target, path, { ...other.credentials, ...extra })
        const b = await postJson(target, path, { lookupId: credentials.lookupId, authKey: other.credentials.authKey, ...extra })
        expect([a.status, await a.text()]).toEqual([b.status, await b.text()])
      }
    })

    it('キャンセルすると枠が空きに戻り、別の人が予約できる', async () => {
      const target = getTarget()
      const [slot] = await openSlots(target, 'toshima', 'phone')
      const { body, credentials } = await makeBooking({ slotId: slot?.id })
      expect((await postJson(target, '/api/requests', body)).status).toBe(201)
      const cancelled = await postJson(target, '/api/requests/cancel', credentials)
      expect(cancelled.status).toBe(200)
      expect(await cancelled.json()).toMatchObject({ status: 'cancelled', slot: null })
      expect((await openSlots(target, 'toshima', 'phone')).map((s) => s.id)).toContain(slot?.id)
      const next = await postJson(target, '/api/requests', (await makeBooking({ slotId: slot?.id })).body)
      expect(next.status).toBe(201)
      expect((await (await postJson(target, '/api/requests/lookup', credentials)).json()) as object).toMatchObject({ status: 'cancelled' })
    })

    it('追加のメッセージは暗号文のまま保存され、受付番号で読み返せる', async () => {
      const target = getTarget()
      const { body, credentials, requestId } = await makeBooking()
      await postJson(target, '/api/requests', body)
      const envelope = { ...body.envelope, ciphertext: `${body.envelope.ciphertext}AA` }
      const messageId = crypto.randomUUID()
      const sent = await postJson(target, '/api/requests/messages', { ...credentials, messageId, envelope })
      expect(sent.status).toBe(201)
      const { id } = (await sent.json()) as { id: string }
      const view = (await (await postJson(target, '/api/requests/lookup', credentials)).json()) as { messages: unknown[] }
      expect(id).toBe(messageId)
      expect(view.messages).toEqual([{ id, from: 'person', sentAt: expect.any(String), envelope }])
      const again = await postJson(target, '/api/requests/messages', { ...credentials, messageId, envelope })
      expect([again.status, await again.json()]).toEqual([409, { error: 'errors.messageExists' }])
      const foreign = await postJson(target, '/api/requests/messages', { ...credentials, messageId: crypto.randomUUID(), envelope: { ...envelope, requestId: crypto.randomUUID() } })
      expect(foreign.status).toBe(400)
      expect(requestId).toBe(body.requestId)
    })

    it('/api/metrics は数だけを受け取り、不正なイベントは 400', async () => {
      const target = getTarget()
      expect((await postJson(target, '/api/metrics', { campaign: 'qr-ikebukuro', event: 'scan' })).status).toBe(204)
      const bad = await postJson(target, '/api/metrics', { campaign: 'qr', event: 'tracked', ip: '1.2.3.4' })
      expect(bad.status).toBe(400)
      expect(((await bad.json()) as { error: string }).error).toBe('errors.validation')
    })

    it('知らない API は JSON の 404', async () => {
      const response = await getTarget().fetch('/api/nothing-here')
      expect([response.status, await response.json()]).toEqual([404, { error: 'errors.notFound' }])
    })
  })

  describe('同時予約', { timeout: 30_000 }, () => {
    it('1 つの枠に 50 件同時に送ると、201 はちょうど 1 件で残りは 409、5xx はない', async () => {
      const target = getTarget()
      const [slot] = await openSlots(target, 'toshima', 'visit')
      const bookings = await Promise.all(Array.from({ length: 50 }, () => makeBooking({ mode: 'visit', slotId: slot?.id })))
      const responses = await Promise.all(bookings.map((b) => postJson(target, '/api/requests', b.body)))
      const statuses = responses.map((r) => r.status)
      expect(statuses.filter((s) => s === 201)).toHaveLength(1)
      expect(statuses.filter((s) => s === 409)).toHaveLength(49)
      const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ error?: string }>))
      expect(bodies.filter((b) => b.error === 'errors.slotTaken')).toHaveLength(49)
    })

    it('同じ相談（同じ requestId）が同時に 5 回届いても、保存は 1 件で答えはすべて同じ', async () => {
      const target = getTarget()
      const [slot] = await openSlots(target, 'toshima', 'video')
      const { body, credentials } = await makeBooking({ mode: 'video', slotId: slot?.id })
      const plain = await makeBooking({ mode: 'letter' })
      const responses = await Promise.all([
        ...Array.from({ length: 5 }, () => postJson(target, '/api/requests', body)),
        ...Array.from({ length: 5 }, () => postJson(target, '/api/requests', plain.body)),
      ])
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201))
      const texts = await Promise.all(responses.map((r) => r.text()))
      expect(new Set(texts.slice(0, 5)).size).toBe(1)
      expect(new Set(texts.slice(5)).size).toBe(1)
      expect(JSON.parse(texts[0] as string)).toMatchObject({ status: 'booked', slot })
      expect((await (await postJson(target, '/api/requests/lookup', credentials)).json()) as object).toMatchObject({ status: 'booked' })
    })
  })
}
