import { beforeAll, describe, expect, it } from 'vitest'
import { addRecipients, DecryptError, openContentKey, openEnvelope, sealEnvelope, type EnvelopeBinding } from '@/shared/crypto/envelope'
import { generateReceiptCode } from '@/shared/crypto/receipt-code'
import { deriveReceiptKeys } from '@/shared/crypto/receipt-keys'
import { decryptReply, encryptReply } from '@/shared/crypto/reply'
import { generateRecipientKeyPair, type RecipientKeyPair } from '@/shared/crypto/window-keys'
import type { Envelope } from '@/shared/schemas/envelope'

const requestA = '0b9f6a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b'
const requestB = '5d7c1e2a-9b3f-4c6d-8e1a-2f4b6c8d0e1f'
const message1 = '9a1c2e3f-4b5d-4e6f-8a7b-1c2d3e4f5a6b'
const message2 = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f'
const windowId = 'toshima'

const requestOf = (requestId: string): EnvelopeBinding => ({ requestId, windowId, kind: 'request', messageId: requestId })
const followUp = (requestId: string, messageId: string): EnvelopeBinding => ({ requestId, windowId, kind: 'followUp', messageId })

let staff: RecipientKeyPair
let colleague: RecipientKeyPair
const recipient = (k: RecipientKeyPair) => ({ keyId: k.keyId, publicKey: k.publicKey })
const seal = (bound: EnvelopeBinding, payload: unknown) => sealEnvelope({ ...bound, payload, recipients: [recipient(staff)] })
const open = (envelope: Envelope, bound: EnvelopeBinding) => openEnvelope(envelope, staff, bound)

beforeAll(async () => {
  ;[staff, colleague] = await Promise.all([generateRecipientKeyPair(), generateRecipientKeyPair()])
})

describe('封筒はどの依頼・どのメッセージ・どの種類かに結びつく', () => {
  it('正しい依頼・メッセージ・種類で開ける', async () => {
    const envelope = await seal(followUp(requestA, message1), { text: 'こんにちは' })
    expect(await open(envelope, followUp(requestA, message1))).toEqual({ text: 'こんにちは' })
  })

  it('別の依頼に移されたメッセージは開かない', async () => {
    const envelope = await seal(followUp(requestA, message1), { text: 'A の追伸' })
    const moved = { ...envelope, requestId: requestB }
    await expect(open(moved, followUp(requestB, message1))).rejects.toBeInstanceOf(DecryptError)
  })

  it('同じ依頼の2通を入れ替えると開かない', async () => {
    const first = await seal(followUp(requestA, message1), { text: '1通目' })
    const second = await seal(followUp(requestA, message2), { text: '2通目' })
    await expect(open(second, followUp(requestA, message1))).rejects.toBeInstanceOf(DecryptError)
    await expect(open(first, followUp(requestA, message2))).rejects.toBeInstanceOf(DecryptError)
  })

  it('別の種類（依頼本体・追伸・職員メモ）として出し直すと開かない', async () => {
    const request = await seal(requestOf(requestA), { nickname: 'ねこ' })
    const note = await seal({ requestId: requestA, windowId, kind: 'note', messageId: message1 }, { text: 'メモ' })
    await expect(open(request, followUp(requestA, requestA))).rejects.toBeInstanceOf(DecryptError)
    await expect(open(note, followUp(requestA, message1))).rejects.toBeInstanceOf(DecryptError)
    await expect(open(await seal(followUp(requestA, message1), {}), { ...followUp(requestA, message1), kind: 'note' })).rejects.toBeInstanceOf(
      DecryptError,
    )
  })

  it('依頼本体のメッセージ ID は依頼 ID そのもの', async () => {
    await expect(seal({ ...requestOf(requestA), messageId: message1 }, {})).rejects.toThrow()
  })

  it('あとから認証された職員にも、同じ封筒の内容鍵を封じ直せる', async () => {
    const bound = followUp(requestA, message1)
    const envelope = await seal(bound, { text: '前からの追伸' })
    await expect(openEnvelope(envelope, colleague, bound)).rejects.toBeInstanceOf(DecryptError)
    const contentKey = await openContentKey(envelope, staff, bound)
    const widened = await addRecipients(envelope, contentKey, bound, [recipient(colleague), recipient(staff), recipient(colleague)])
    expect(widened.recipients.map((r) => r.keyId)).toEqual([staff.keyId, colleague.keyId])
    expect(widened.ciphertext).toBe(envelope.ciphertext)
    expect(await openEnvelope(widened, colleague, bound)).toEqual({ text: '前からの追伸' })
    await expect(openEnvelope(widened, colleague, followUp(requestA, message2))).rejects.toBeInstanceOf(DecryptError)
  })

  it('ほかのメッセージの内容鍵では封じ直せない', async () => {
    const bound = followUp(requestA, message1)
    const envelope = await seal(bound, { text: '1' })
    const other = await seal(followUp(requestA, message2), { text: '2' })
    const otherKey = await openContentKey(other, staff, followUp(requestA, message2))
    await expect(addRecipients(envelope, otherKey, bound, [recipient(colleague)])).rejects.toBeInstanceOf(DecryptError)
    const key = await openContentKey(envelope, staff, bound)
    await expect(addRecipients(envelope, key, followUp(requestA, message2), [recipient(colleague)])).rejects.toBeInstanceOf(DecryptError)
  })
})

describe('返信は依頼とメッセージに結びつく', () => {
  it('別の依頼・別の返信として出されると読めない', async () => {
    const { replyKeyRaw } = await deriveReceiptKeys(generateReceiptCode(), 'tokyo-sample', 1_000)
    const reply = await encryptReply(replyKeyRaw, { text: 'お返事です' }, { requestId: requestA, messageId: message1 })
    expect(await decryptReply(replyKeyRaw, reply, { requestId: requestA, messageId: message1 })).toEqual({ text: 'お返事です' })
    await expect(decryptReply(replyKeyRaw, reply, { requestId: requestB, messageId: message1 })).rejects.toBeInstanceOf(DecryptError)
    await expect(decryptReply(replyKeyRaw, reply, { requestId: requestA, messageId: message2 })).rejects.toBeInstanceOf(DecryptError)
  })
})
