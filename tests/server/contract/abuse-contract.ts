import { describe, expect, it } from 'vitest'
import { sealEnvelope } from '../../../src/shared/crypto/envelope'
import { generateRecipientKeyPair } from '../../../src/shared/crypto/window-keys'
import { makeBooking, testRecipients } from '../helpers/make-request'
import { openSlots, postJson, solvedProof, type ApiTarget } from './target'

const payload = { v: 1, nickname: 'にせもの' }

/** A booking whose envelope is sealed to `recipients` instead of the window's own. */
async function sealedTo(recipients: Array<{ keyId: string; publicKey: string }>, slotId: string | null) {
  const booking = await makeBooking({ slotId })
  const { requestId, windowId } = booking.body
  const envelope = await sealEnvelope({ requestId, windowId, kind: 'request', messageId: requestId, payload, recipients })
  return { ...booking, body: { ...booking.body, envelope } }
}

const flip = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1)

/** Slot hoarding (issue 12): what an envelope must be sealed to, and the proof-of-work of a slot. */
export function defineAbuseContract(getTarget: () => ApiTarget) {
  describe('枠の買い占め対策: 受信者の鍵', { timeout: 30_000 }, () => {
    it('窓口の認証済み職員鍵と回復用鍵のちょうどその組でない封筒は 409 recipientsChanged で、枠は空いたまま', async () => {
      const target = getTarget()
      const [slot] = await openSlots(target, 'toshima', 'phone')
      const [staff, recovery] = await testRecipients('toshima')
      const stranger = await generateRecipientKeyPair()
      const other = { keyId: stranger.keyId, publicKey: stranger.publicKey }
      const wrong = [[other], [staff!], [recovery!], [staff!, recovery!, other], [other, recovery!], [staff!, staff!, recovery!]]
      for (const recipients of wrong) {
        const response = await postJson(target, '/api/requests', (await sealedTo(recipients, slot!.id)).body)
        expect([response.status, await response.json()]).toEqual([409, { error: 'errors.recipientsChanged' }])
      }
      expect((await openSlots(target, 'toshima', 'phone')).map((s) => s.id)).toContain(slot!.id)
      // The same keys in another order are the same set.
      const reordered = await postJson(target, '/api/requests', (await sealedTo([recovery!, staff!], slot!.id)).body)
      expect(reordered.status).toBe(201)
    })

    it('追伸も同じ鍵の組でなければ 409 recipientsChanged、正しい組なら 201', async () => {
      const target = getTarget()
      const { body, credentials } = await makeBooking({ mode: 'letter' })
      expect((await postJson(target, '/api/requests', body)).status).toBe(201)
      const stranger = await generateRecipientKeyPair()
      const follow = async (recipients: Array<{ keyId: string; publicKey: string }>) => {
        const messageId = crypto.randomUUID()
        const envelope = await sealEnvelope({ requestId: body.requestId, windowId: 'toshima', kind: 'followUp', messageId, payload, recipients })
        return postJson(target, '/api/requests/messages', { ...credentials, messageId, envelope })
      }
      const refused = await follow([{ keyId: stranger.keyId, publicKey: stranger.publicKey }])
      expect([refused.status, await refused.json()]).toEqual([409, { error: 'errors.recipientsChanged' }])
      expect((await follow(await testRecipients('toshima'))).status).toBe(201)
    })
  })

  describe('枠の買い占め対策: proof-of-work（ALTCHA）', { timeout: 30_000 }, () => {
    it('チャレンジは署名つきで 5 分以内に切れ、毎回ちがう', async () => {
      const target = getTarget()
      const a = await solvedProof(target)
      const b = await solvedProof(target)
      expect(a.challenge.signature).toMatch(/^[0-9a-f]{64}$/)
      expect(a.challenge.signature).not.toBe(b.challenge.signature)
      const expires = a.challenge.parameters.expiresAt! * 1000
      expect(expires).toBeGreaterThan(Date.now())
      expect(expires).toBeLessThanOrEqual(Date.now() + 5 * 60_000 + 1000)
      expect(a.challenge.parameters).toMatchObject({ algorithm: 'PBKDF2/SHA-256' })
    })

    it('枠を取る予約は、解答なし 400・まちがった解答 400・書きかえたチャレンジ 400・使い回し 409。どれも枠は取れない', async () => {
      const target = getTarget()
      const [slot, second] = await openSlots(target, 'toshima', 'visit')
      const post = async (proof: unknown, slotId = slot!.id) => {
        const response = await postJson(target, '/api/requests', { ...(await makeBooking({ mode: 'visit', slotId })).body, proof })
        return [response.status, ((await response.json()) as { error?: string }).error]
      }
      expect(await post(undefined)).toEqual([400, 'errors.proofRequired'])
      const good = await solvedProof(target)
      const { solution, challenge } = good
      // The derived key is the proof (checked against the signed key signature): a guessed one fails.
      expect(await post({ challenge, solution: { ...solution, derivedKey: flip(solution.derivedKey) } })).toEqual([400, 'errors.proofInvalid'])
      const easier = { ...challenge, parameters: { ...challenge.parameters, cost: 1 } }
      expect(await post({ challenge: easier, solution })).toEqual([400, 'errors.proofInvalid'])
      const unsigned = { parameters: challenge.parameters, signature: flip(challenge.signature) }
      expect(await post({ challenge: unsigned, solution })).toEqual([400, 'errors.proofInvalid'])
      expect(await post('not a proof')).toEqual([400, 'errors.validation'])
      expect((await openSlots(target, 'toshima', 'visit')).map((s) => s.id)).toContain(slot!.id)

      expect(await post(good)).toEqual([201, undefined])
      expect(await post(good, second!.id)).toEqual([409, 'errors.proofUsed'])
      expect((await openSlots(target, 'toshima', 'visit')).map((s) => s.id)).toContain(second!.id)
    })

    it('枠を取らない相談には解答はいらない', async () => {
      const response = await postJson(getTarget(), '/api/requests', (await makeBooking({ mode: 'letter' })).body)
      expect(response.status).toBe(201)
    })
  })
}
