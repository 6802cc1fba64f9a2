import { describe, expect, it } from 'vitest'
import { openEnvelope, sealEnvelope, type EnvelopeBinding } from '../../../src/shared/crypto/envelope'
import { handoverWraps, resealWraps } from '../../../src/shared/crypto/reseal'
import type { RecipientKeyPair } from '../../../src/shared/crypto/window-keys'
import type { Envelope } from '../../../src/shared/schemas/envelope'
import { CONSENTS_PER_CASE, MAX_CASE_ENVELOPES, STAFF_ENVELOPES_PER_CASE } from '../../../src/shared/schemas/handover'
import { FOLLOW_UPS_PER_REQUEST } from '../../../src/shared/limits'
import { seededKeys } from '../helpers/certified-keys'
import { makeBooking, sealTestEnvelope, testRecipients, testStaffKeyPair } from '../helpers/make-request'
import { StaffClient } from '../helpers/staff-client'
import type { StaffContractSetup } from './staff-contract'
import { postJson } from './target'

/** The sample deployment's pinned recovery key of bunkyo: wraps can be made for it, nobody here can open them. */
/** Bunkyo's recovery key in the test deployment (pinned per test run, like a real deployment.json). */
const bunkyoRecovery = async () => (await testRecipients('bunkyo'))[1]!
const as = (k: RecipientKeyPair) => ({ keyId: k.keyId, publicKey: k.publicKey })

interface Detail { requestId: string; windowId: string; envelope: Envelope; handovers?: unknown; messages: Array<{ id: string; kind: string; envelope: Envelope }> }

async function member(setup: StaffContractSetup, windowId: string, role: 'staff' | 'admin' = 'staff') {
  const client = await StaffClient.create(setup.target, setup.origin)
  expect((await client.join(await setup.invite(windowId, role), 'どうりょう')).status).toBe(201)
  return client
}

/** A booked case of toshima with a note, sealed to the toshima test staff key. */
async function caseWithNote(setup: StaffContractSetup, client: StaffClient) {
  const booking = await makeBooking({ windowId: 'toshima', nickname: 'つなぐひと' })
  expect((await postJson(setup.target, '/api/requests', booking.body)).status).toBe(201)
  const base = `/api/staff/windows/toshima/cases/${booking.requestId}`
  const noteId = crypto.randomUUID()
  const note = await sealEnvelope({ requestId: booking.requestId, windowId: 'toshima', kind: 'note', messageId: noteId, payload: { v: 1, text: 'メモ', writtenAt: new Date().toISOString() }, recipients: [as(await testStaffKeyPair())] })
  expect((await client.post(`${base}/notes`, { messageId: noteId, envelope: note })).status).toBe(201)
  return { booking, base, noteId }
}

/** Each envelope of a case detail with its binding (taken from the route's case, as a staff browser does). */
function bindings(detail: Detail, windowId: string): Array<{ envelope: Envelope; binding: EnvelopeBinding }> {
  return [
    { envelope: detail.envelope, binding: { requestId: detail.requestId, windowId, kind: 'request', messageId: detail.requestId } },
    ...detail.messages
      .filter((m) => m.kind !== 'reply')
      .map((m) => ({ envelope: m.envelope, binding: { requestId: detail.requestId, windowId, kind: m.kind as EnvelopeBinding['kind'], messageId: m.id } })),
  ]
}

/** Re-seal to a new colleague and hand-over to another window with consent, on either runtime. */
export function defineHandoverContract(getSetup: () => StaffContractSetup) {
  describe('職員: 鍵のかけ直し', () => {
    it('同僚がかけ直すと、暗号文はそのままで新しい鍵の分だけが増え、新しい鍵で開ける', async () => {
      const setup = getSetup()
      const keys = await seededKeys()
      const client = await member(setup, 'toshima')
      const { booking, base } = await caseWithNote(setup, client)

      const targets = (await (await client.get('/api/staff/windows/toshima/reseal-targets')).json()) as { keys: Array<{ keyId: string }> }
      const offered = targets.keys.map((k) => k.keyId)
      for (const k of keys.toshima) expect(offered).toContain(k.keyId)
      expect(offered).not.toContain(keys.revokedToshima.keyId)
      expect(offered).not.toContain(keys.bunkyo[0]!.keyId)

      const before = (await (await client.get(base)).json()) as Detail
      const newcomer = keys.toshima[0]!
      const opener = await testStaffKeyPair()
      const envelopes = await Promise.all(
        bindings(before, 'toshima').map(async ({ envelope, binding }) => ({ messageId: binding.messageId, recipients: await resealWraps(envelope, opener, binding, [as(newcomer)]) })),
      )
      const resealed = await client.post(`${base}/recipients`, { envelopes })
      expect(resealed.status).toBe(200)
      expect(await resealed.json()).toEqual({ envelopes: 2 })

      const after = (await (await client.get(base)).json()) as Detail
      expect(after.envelope.ciphertext).toBe(before.envelope.ciphertext)
      expect(after.envelope.recipients.map((r) => r.keyId)).toEqual([...before.envelope.recipients.map((r) => r.keyId), newcomer.keyId])
      expect(await openEnvelope(after.envelope, newcomer, bindings(after, 'toshima')[0]!.binding)).toMatchObject({ nickname: 'つなぐひと' })
      const note = bindings(after, 'toshima')[1]!
      expect(await openEnvelope(note.envelope, newcomer, note.binding)).toMatchObject({ text: 'メモ' })
      // Again: nothing new to add, nothing doubled.
      expect((await client.post(`${base}/recipients`, { envelopes })).status).toBe(200)
      expect(((await (await client.get(base)).json()) as Detail).envelope.recipients).toHaveLength(before.envelope.recipients.length + 1)
      expect(booking.requestId).toBe(after.requestId)
    })

    it('認められていない鍵・取り消された鍵・ほかの窓口の鍵・ほかの相談の封筒は 400、ほかの窓口の職員は 404。保存された封筒は変わらない', async () => {
      const setup = getSetup()
      const keys = await seededKeys()
      const client = await member(setup, 'toshima')
      const { base } = await caseWithNote(setup, client)
      const detail = (await (await client.get(base)).json()) as Detail
      const [request] = bindings(detail, 'toshima')
      const opener = await testStaffKeyPair()
      const wrapsFor = async (k: RecipientKeyPair) => [{ messageId: detail.requestId, recipients: await resealWraps(request!.envelope, opener, request!.binding, [as(k)]) }]
      const { generateRecipientKeyPair } = await import('../../../src/shared/crypto/window-keys')
      for (const k of [await generateRecipientKeyPair(), keys.revokedToshima, keys.bunkyo[0]!]) {
        const refused = await client.post(`${base}/recipients`, { envelopes: await wrapsFor(k) })
        expect(refused.status).toBe(400)
        expect(((await refused.json()) as { fields: Array<{ key: string }> }).fields.map((f) => f.key)).toContain('validation.notCertified')
      }
      const unknown = await client.post(`${base}/recipients`, { envelopes: [{ messageId: crypto.randomUUID(), recipients: (await wrapsFor(keys.toshima[1]!))[0]!.recipients }] })
      expect(unknown.status).toBe(400)
      const other = await member(setup, 'bunkyo')
      expect((await other.post(`${base}/recipients`, { envelopes: await wrapsFor(keys.toshima[1]!) })).status).toBe(404)
      expect((await other.get('/api/staff/windows/toshima/reseal-targets')).status).toBe(404)
      expect(((await (await client.get(base)).json()) as Detail).envelope).toEqual(detail.envelope)
    })

    it('取り消された人の鍵の分は、かけ直すときに封筒から外れる', async () => {
      const setup = getSetup()
      const keys = await seededKeys()
      const client = await member(setup, 'toshima')
      const opener = await testStaffKeyPair()
      const booking = await makeBooking({ windowId: 'toshima' })
      const binding = { requestId: booking.requestId, windowId: 'toshima', kind: 'request' as const, messageId: booking.requestId }
      // Sealed while the colleague's key was still valid: a public booking must match today's exact
      // set, so the case is one staff registered (as for a phone call) with that older set.
      const envelope = await sealEnvelope({ ...binding, payload: { v: 1 }, recipients: [as(opener), as(keys.revokedToshima)] })
      const { campaign: _campaign, proof: _proof, ...fields } = booking.body as Record<string, unknown>
      expect((await client.post('/api/staff/windows/toshima/cases', { ...fields, envelope, origin: 'phone' })).status).toBe(201)
      const base = `/api/staff/windows/toshima/cases/${booking.requestId}`
      const recipients = await resealWraps(envelope, opener, binding, [as(keys.toshima[2]!)])
      expect((await client.post(`${base}/recipients`, { envelopes: [{ messageId: booking.requestId, recipients }] })).status).toBe(200)
      const after = (await (await client.get(base)).json()) as Detail
      expect(after.envelope.recipients.map((r) => r.keyId)).toEqual([opener.keyId, keys.toshima[2]!.keyId])
    })
  })

  describe('職員: 同意を記録して、ほかの窓口へつなぐ', () => {
    it('同意がなければつなげない。同意を記録すると、つなぎ先の鍵だけに封をし直して移り、本人の /status に新しい窓口が出る', async () => {
      const setup = getSetup()
      const keys = await seededKeys()
      const client = await member(setup, 'toshima')
      const { booking, base } = await caseWithNote(setup, client)
      const opener = await testStaffKeyPair()
      const targets = [as(keys.bunkyo[0]!), as(keys.bunkyo[1]!), await bunkyoRecovery()]
      const handoverBody = async (detail: Detail, list = targets) => ({
        toWindowId: 'bunkyo',
        envelopes: await Promise.all(bindings(detail, 'toshima').map(async ({ envelope, binding }) => ({ messageId: binding.messageId, recipients: await handoverWraps(envelope, opener, binding, list) }))),
      })

      const noConsent = await client.post(`${base}/handover`, await handoverBody((await (await client.get(base)).json()) as Detail))
      expect(noConsent.status).toBe(409)
      expect(await noConsent.json()).toEqual({ error: 'errors.consentRequired' })

      const consentId = crypto.randomUUID()
      const consent = { v: 1, id: consentId, givenOn: '2026-12-03', method: 'phone', scope: '文京区の窓口へ', recordedAt: new Date().toISOString() }
      const sealedConsent = await sealEnvelope({ requestId: booking.requestId, windowId: 'toshima', kind: 'consent', messageId: consentId, payload: consent, recipients: [as(opener)] })
      expect((await client.post(`${base}/consent`, { messageId: consentId, envelope: sealedConsent })).status).toBe(201)
      expect((await client.post(`${base}/consent`, { messageId: consentId, envelope: sealedConsent })).status).toBe(409)
      const detail = (await (await client.get(base)).json()) as Detail
      expect(detail.messages.map((m) => m.kind)).toEqual(['note', 'consent'])

      const noRecovery = await client.post(`${base}/handover`, await handoverBody(detail, [as(keys.bunkyo[0]!)]))
      expect(noRecovery.status).toBe(400)
      const toToshima = await client.post(`${base}/handover`, { ...(await handoverBody(detail)), toWindowId: 'toshima' })
      expect(toToshima.status).toBe(400)
      const full = await handoverBody(detail)
      const partial = await client.post(`${base}/handover`, { ...full, envelopes: full.envelopes.slice(0, 2) })
      expect(partial.status).toBe(409)
      expect(await partial.json()).toEqual({ error: 'errors.caseChanged' })

      const moved = await client.post(`${base}/handover`, full)
      expect(moved.status).toBe(200)
      expect(await moved.json()).toEqual({ requestId: booking.requestId, windowId: 'bunkyo' })
      expect((await client.get(base)).status).toBe(404)
      const toshimaList = (await (await client.get('/api/staff/windows/toshima/cases')).json()) as { cases: Array<{ requestId: string }> }
      expect(toshimaList.cases.map((c) => c.requestId)).not.toContain(booking.requestId)

      const receiver = await member(setup, 'bunkyo')
      const list = (await (await receiver.get('/api/staff/windows/bunkyo/cases')).json()) as { cases: Array<{ requestId: string; status: string; handovers: Array<{ fromWindowId: string; toWindowId: string }> }> }
      const arrived = list.cases.find((c) => c.requestId === booking.requestId)
      expect(arrived).toMatchObject({ status: 'received', handovers: [{ fromWindowId: 'toshima', toWindowId: 'bunkyo' }] })
      const there = (await (await receiver.get(`/api/staff/windows/bunkyo/cases/${booking.requestId}`)).json()) as Detail
      expect(there.envelope.ciphertext).toBe(detail.envelope.ciphertext)
      expect(there.envelope.recipients.map((r) => r.keyId)).toEqual(targets.map((t) => t.keyId))
      // Bound to toshima still, where the person sealed it; readable by bunkyo's key, no longer by toshima's.
      for (const { envelope, binding } of bindings(there, 'toshima')) {
        await expect(openEnvelope(envelope, keys.bunkyo[1]!, binding)).resolves.toBeTruthy()
        await expect(openEnvelope(envelope, opener, binding)).rejects.toThrow()
      }

      const view = (await (await postJson(setup.target, '/api/requests/lookup', booking.credentials)).json()) as Record<string, unknown>
      expect(view).toMatchObject({ windowId: 'bunkyo', handedOverFrom: 'toshima', status: 'waiting', slot: null })
      const followUpId = crypto.randomUUID()
      const toOld = await sealTestEnvelope(booking.requestId, 'toshima', { v: 1, text: 'x', writtenAt: new Date().toISOString() }, followUpId)
      expect((await postJson(setup.target, '/api/requests/messages', { ...booking.credentials, messageId: followUpId, envelope: toOld })).status).toBe(400)
      const toNew = await sealTestEnvelope(booking.requestId, 'bunkyo', { v: 1, text: 'x', writtenAt: new Date().toISOString() }, followUpId)
      expect((await postJson(setup.target, '/api/requests/messages', { ...booking.credentials, messageId: followUpId, envelope: toNew })).status).toBe(201)
    })

    it('つなぎ先でない鍵・よその相談の同意は 400、ほかの窓口の職員は同意を書けない（404）', async () => {
      const setup = getSetup()
      const client = await member(setup, 'toshima')
      const { booking, base } = await caseWithNote(setup, client)
      const other = await makeBooking({ windowId: 'toshima' })
      const id = crypto.randomUUID()
      const misplaced = await sealEnvelope({ requestId: other.requestId, windowId: 'toshima', kind: 'consent', messageId: id, payload: { v: 1 }, recipients: [as(await testStaffKeyPair())] })
      expect((await client.post(`${base}/consent`, { messageId: id, envelope: misplaced })).status).toBe(400)
      const outsider = await member(setup, 'bunkyo')
      const own = await sealEnvelope({ requestId: booking.requestId, windowId: 'toshima', kind: 'consent', messageId: id, payload: { v: 1 }, recipients: [as(await testStaffKeyPair())] })
      expect((await outsider.post(`${base}/consent`, { messageId: id, envelope: own })).status).toBe(404)
      expect((await client.post(`${base}/consent`, { messageId: id, envelope: own })).status).toBe(201)
      const detail = (await (await client.get(base)).json()) as Detail
      const opener = await testStaffKeyPair()
      const stranger = (await seededKeys()).toshima[0]!
      const body = {
        toWindowId: 'bunkyo',
        envelopes: await Promise.all(bindings(detail, 'toshima').map(async ({ envelope, binding }) => ({ messageId: binding.messageId, recipients: await handoverWraps(envelope, opener, binding, [as(stranger), await bunkyoRecovery()]) }))),
      }
      const refused = await client.post(`${base}/handover`, body)
      expect(refused.status).toBe(400)
      expect((await client.get(base)).status).toBe(200)
    })
  })

  describe('職員: 長い相談も、かけ直してつなげる', () => {
    it(`記録が上限（${STAFF_ENVELOPES_PER_CASE} 通）まである相談: その先は 413 errors.caseFull、同意は記録でき、かけ直しもつなぐのも 64 KiB を超える本文で受け付ける（2 MiB まで）`, { timeout: 300_000 }, async () => {
      const setup = getSetup()
      const keys = await seededKeys()
      const client = await member(setup, 'toshima')
      const { booking, base } = await caseWithNote(setup, client)
      const opener = await testStaffKeyPair()
      const sealedNote = async (i: number) => {
        const id = crypto.randomUUID()
        return { messageId: id, envelope: await sealEnvelope({ requestId: booking.requestId, windowId: 'toshima', kind: 'note', messageId: id, payload: { v: 1, text: `メモ ${i}`, writtenAt: new Date().toISOString() }, recipients: [as(opener)] }) }
      }
      for (let i = 1; i < STAFF_ENVELOPES_PER_CASE; i++) expect((await client.post(`${base}/notes`, await sealedNote(i))).status).toBe(201)
      const refused = await client.post(`${base}/notes`, await sealedNote(STAFF_ENVELOPES_PER_CASE))
      expect([refused.status, await refused.json()]).toEqual([413, { error: 'errors.caseFull' }])
      const detail = (await (await client.get(base)).json()) as Detail
      expect(detail.messages).toHaveLength(STAFF_ENVELOPES_PER_CASE)
      // The person's follow-ups, the staff records and the consents of a full case fit one hand-over.
      expect(1 + FOLLOW_UPS_PER_REQUEST + STAFF_ENVELOPES_PER_CASE + CONSENTS_PER_CASE).toBeLessThanOrEqual(MAX_CASE_ENVELOPES)
      const wrapsFor = async (targets: Array<{ keyId: string; publicKey: string }>, make: typeof resealWraps) =>
        Promise.all(bindings(detail, 'toshima').map(async ({ envelope, binding }) => ({ messageId: binding.messageId, recipients: await make(envelope, opener, binding, targets) })))

      const reseal = { envelopes: await wrapsFor(keys.toshima.map(as), resealWraps) }
      expect(JSON.stringify(reseal).length).toBeGreaterThan(64 * 1024)
      const resealed = await client.post(`${base}/recipients`, reseal)
      expect(resealed.status).toBe(200)
      expect(await resealed.json()).toEqual({ envelopes: STAFF_ENVELOPES_PER_CASE + 1 })

      const consentId = crypto.randomUUID()
      const consent = { v: 1, id: consentId, givenOn: '2026-12-03', method: 'document', scope: '文京区の窓口へ', recordedAt: new Date().toISOString() }
      const sealedConsent = await sealEnvelope({ requestId: booking.requestId, windowId: 'toshima', kind: 'consent', messageId: consentId, payload: consent, recipients: [as(opener)] })
      expect((await client.post(`${base}/consent`, { messageId: consentId, envelope: sealedConsent })).status).toBe(201)
      const withConsent = (await (await client.get(base)).json()) as Detail
      const handover = {
        toWindowId: 'bunkyo',
        envelopes: await Promise.all(
          bindings(withConsent, 'toshima').map(async ({ envelope, binding }) => ({ messageId: binding.messageId, recipients: await handoverWraps(envelope, opener, binding, [as(keys.bunkyo[0]!), as(keys.bunkyo[1]!), await bunkyoRecovery()]) })),
        ),
      }
      expect(JSON.stringify(handover).length).toBeGreaterThan(64 * 1024)
      const moved = await client.post(`${base}/handover`, handover)
      expect(moved.status).toBe(200)
      const receiver = await member(setup, 'bunkyo')
      const there = (await (await receiver.get(`/api/staff/windows/bunkyo/cases/${booking.requestId}`)).json()) as Detail
      expect(there.messages).toHaveLength(STAFF_ENVELOPES_PER_CASE + 1)
      const last = bindings(there, 'toshima').at(-2)!
      expect(await openEnvelope(last.envelope, keys.bunkyo[1]!, last.binding)).toMatchObject({ text: `メモ ${STAFF_ENVELOPES_PER_CASE - 1}` })
    })

    it(`同意の記録は 1 つの相談に ${CONSENTS_PER_CASE} 通まで: その先は 413 errors.caseFull`, async () => {
      const setup = getSetup()
      const client = await member(setup, 'toshima')
      const { booking, base } = await caseWithNote(setup, client)
      const consent = async () => {
        const id = crypto.randomUUID()
        const payload = { v: 1, id, givenOn: '2026-12-03', method: 'phone', scope: '文京区の窓口へ', recordedAt: new Date().toISOString() }
        return { messageId: id, envelope: await sealEnvelope({ requestId: booking.requestId, windowId: 'toshima', kind: 'consent', messageId: id, payload, recipients: [as(await testStaffKeyPair())] }) }
      }
      for (let i = 0; i < CONSENTS_PER_CASE; i++) expect((await client.post(`${base}/consent`, await consent())).status).toBe(201)
      const refused = await client.post(`${base}/consent`, await consent())
      expect([refused.status, await refused.json()]).toEqual([413, { error: 'errors.caseFull' }])
    })

    it('かけ直しでも 2 MiB を超える本文は 413 errors.tooLarge、ほかの職員の POST は今までどおり 64 KiB まで', async () => {
      const setup = getSetup()
      const client = await member(setup, 'toshima')
      const { base } = await caseWithNote(setup, client)
      const huge = await client.post(`${base}/recipients`, { envelopes: [], pad: 'x'.repeat(2 * 1024 * 1024) })
      expect(huge.status).toBe(413)
      expect(await huge.json()).toEqual({ error: 'errors.tooLarge' })
      const note = await client.post(`${base}/notes`, { messageId: crypto.randomUUID(), pad: 'x'.repeat(70 * 1024) })
      expect(note.status).toBe(413)
    })
  })
}
