import { beforeAll, describe, expect, it } from 'vitest'
import { fromBase64url, toBase64url } from '@/shared/crypto/base64url'
import { DecryptError, openEnvelope, sealEnvelope, type EnvelopeBinding } from '@/shared/crypto/envelope'
import { generateRecipientKeyPair, type RecipientKeyPair } from '@/shared/crypto/window-keys'
import { envelopeSchema, type Envelope } from '@/shared/schemas/envelope'

const MARKER = 'MARKER-つなぐ-7f3a9c'
const requestId = '0b9f6a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b'
const windowId = 'toshima'
const asRequest: EnvelopeBinding = { requestId, windowId, kind: 'request', messageId: requestId }
const payload = {
  v: 1,
  nickname: `ねこ ${MARKER}`,
  message: `${MARKER} ${'夜になると不安です。'.repeat(150)}`,
  contact: { kind: 'none' },
}

let staffA: RecipientKeyPair
let staffB: RecipientKeyPair
let recovery: RecipientKeyPair
let outsider: RecipientKeyPair
let envelope: Envelope

const asRecipient = (k: RecipientKeyPair) => ({ keyId: k.keyId, publicKey: k.publicKey })

beforeAll(async () => {
  ;[staffA, staffB, recovery, outsider] = await Promise.all([
    generateRecipientKeyPair(),
    generateRecipientKeyPair(),
    generateRecipientKeyPair({ extractable: true }),
    generateRecipientKeyPair(),
  ])
  envelope = await sealEnvelope({ ...asRequest, payload, recipients: [staffA, staffB, recovery].map(asRecipient) })
})

function flipByte(text: string, index: number): string {
  const bytes = fromBase64url(text)
  bytes[index % bytes.length]! ^= 0x01
  return toBase64url(bytes)
}

async function expectDecryptError(promise: Promise<unknown>) {
  await expect(promise).rejects.toBeInstanceOf(DecryptError)
}

describe('相談内容の封筒（AES-256-GCM + HPKE）', () => {
  it('窓口の職員2人と予備鍵の3人とも、それぞれの秘密鍵で開ける', async () => {
    for (const key of [staffA, staffB, recovery]) {
      expect(await openEnvelope(envelope, { keyId: key.keyId, privateKey: key.privateKey }, asRequest)).toEqual(payload)
      expect(await openEnvelope(envelope, { keyId: key.keyId, privateKey: key.privateKey, publicCryptoKey: key.publicCryptoKey }, asRequest)).toEqual(
        payload,
      )
    }
  })

  it('取り出せない秘密鍵だけ（公開鍵なし）でも、どの鍵でも開ける', async () => {
    // @hpke/core 1.9 guesses the public key of such a key by parity and gets half of all keys wrong.
    const keys = await Promise.all(Array.from({ length: 16 }, () => generateRecipientKeyPair()))
    const many = await sealEnvelope({ ...asRequest, payload, recipients: keys.map(asRecipient) })
    for (const key of keys) {
      expect(key.privateKey.extractable).toBe(false)
      expect(await openEnvelope(many, { keyId: key.keyId, privateKey: key.privateKey }, asRequest)).toEqual(payload)
    }
  })

  it('通信の形式（envelopeSchema）に合い、平文の目印は外から見えない', () => {
    expect(envelopeSchema.parse(envelope)).toEqual(envelope)
    const wire = JSON.stringify(envelope)
    expect(wire).not.toContain(MARKER)
    expect(wire).not.toContain('ねこ')
    expect(wire).not.toContain(toBase64url(new TextEncoder().encode(MARKER)).slice(0, 12))
    expect(envelope.recipients.map((r) => r.keyId)).toEqual([staffA.keyId, staffB.keyId, recovery.keyId])
    for (const { enc, sealedKey } of envelope.recipients) {
      // DHKEM(P-256): enc is an uncompressed point; AES-128-GCM: 32-byte key + 16-byte tag.
      expect(fromBase64url(enc)).toHaveLength(65)
      expect(fromBase64url(enc)[0]).toBe(4)
      expect(fromBase64url(sealedKey)).toHaveLength(48)
    }
    expect(fromBase64url(envelope.iv)).toHaveLength(12)
  })

  it('同じ内容でも毎回ちがう暗号文になる', async () => {
    const again = await sealEnvelope({ ...asRequest, payload, recipients: [asRecipient(staffA)] })
    expect(again.ciphertext).not.toBe(envelope.ciphertext)
    expect(again.iv).not.toBe(envelope.iv)
  })

  it('メッセージの長さはおおまかにしか分からない（512 バイト単位に詰める）', async () => {
    const short = await sealEnvelope({ ...asRequest, payload: { m: 'a' }, recipients: [asRecipient(staffA)] })
    const longer = await sealEnvelope({ ...asRequest, payload: { m: 'a'.repeat(300) }, recipients: [asRecipient(staffA)] })
    expect(fromBase64url(short.ciphertext).length).toBe(512 + 16)
    expect(longer.ciphertext.length).toBe(short.ciphertext.length)
  })

  it('受取人でない鍵では開けない', async () => {
    await expectDecryptError(openEnvelope(envelope, { keyId: outsider.keyId, privateKey: outsider.privateKey }, asRequest))
    await expectDecryptError(openEnvelope(envelope, { keyId: staffA.keyId, privateKey: outsider.privateKey }, asRequest))
    await expectDecryptError(openEnvelope(envelope, { keyId: staffA.keyId, privateKey: staffB.privateKey }, asRequest))
  })

  it('暗号文・iv・enc・sealedKey のどこを1バイト変えても開けない', async () => {
    const open = (e: Envelope) => openEnvelope(e, { keyId: staffA.keyId, privateKey: staffA.privateKey }, asRequest)
    const ciphertextLength = fromBase64url(envelope.ciphertext).length
    for (const index of [0, 1, Math.floor(ciphertextLength / 2), ciphertextLength - 17, ciphertextLength - 1]) {
      await expectDecryptError(open({ ...envelope, ciphertext: flipByte(envelope.ciphertext, index) }))
    }
    for (let index = 0; index < 12; index += 5) {
      await expectDecryptError(open({ ...envelope, iv: flipByte(envelope.iv, index) }))
    }
    const [first, ...rest] = envelope.recipients
    for (const index of [1, 20, 64]) {
      await expectDecryptError(open({ ...envelope, recipients: [{ ...first!, enc: flipByte(first!.enc, index) }, ...rest] }))
    }
    for (const index of [0, 31, 47]) {
      await expectDecryptError(open({ ...envelope, recipients: [{ ...first!, sealedKey: flipByte(first!.sealedKey, index) }, ...rest] }))
    }
  })

  it('切り詰めた暗号文や、壊れた base64url でも DecryptError になる', async () => {
    const open = (e: Envelope) => openEnvelope(e, { keyId: staffA.keyId, privateKey: staffA.privateKey }, asRequest)
    await expectDecryptError(open({ ...envelope, ciphertext: envelope.ciphertext.slice(0, -4) }))
    await expectDecryptError(open({ ...envelope, iv: 'not*base64url***' }))
  })

  it('封筒に書かれた requestId・windowId ではなく、呼び出し側が期待する値で確かめる', async () => {
    const key = { keyId: recovery.keyId, privateKey: recovery.privateKey }
    const otherRequest = '5d7c1e2a-9b3f-4c6d-8e1a-2f4b6c8d0e1f'
    // Relabelling the envelope changes nothing: the caller's ids are what is checked.
    expect(await openEnvelope({ ...envelope, requestId: otherRequest, windowId: 'bunkyo' }, key, asRequest)).toEqual(payload)
    await expectDecryptError(openEnvelope(envelope, key, { ...asRequest, requestId: otherRequest, messageId: otherRequest }))
    await expectDecryptError(openEnvelope(envelope, key, { ...asRequest, windowId: 'bunkyo' }))
  })

  it('同じ鍵で封じた別の依頼の sealedKey を差し替えても開けない', async () => {
    const otherRequest = '5d7c1e2a-9b3f-4c6d-8e1a-2f4b6c8d0e1f'
    const other = await sealEnvelope({
      requestId: otherRequest,
      windowId,
      kind: 'request',
      messageId: otherRequest,
      payload: { other: true },
      recipients: [asRecipient(staffA)],
    })
    const spliced = { ...envelope, recipients: [other.recipients[0]!, ...envelope.recipients.slice(1)] }
    await expectDecryptError(openEnvelope(spliced, { keyId: staffA.keyId, privateKey: staffA.privateKey }, asRequest))
  })

  it('公開鍵と keyId が食い違う受取人や、受取人なしでは封をしない', async () => {
    await expect(
      sealEnvelope({ ...asRequest, payload, recipients: [{ keyId: staffB.keyId, publicKey: staffA.publicKey }] }),
    ).rejects.toThrow()
    await expect(sealEnvelope({ ...asRequest, payload, recipients: [] })).rejects.toThrow()
  })
})
