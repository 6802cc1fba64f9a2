import { describe, expect, it } from 'vitest'
import { DecryptError, openEnvelope, sealEnvelope, type EnvelopeBinding } from '@/shared/crypto/envelope'
import { boundWindowOf, handoverWraps, resealWraps } from '@/shared/crypto/reseal'
import { generateRecipientKeyPair, recipientFromPrivateJwk, exportPrivateKeyJwk, type RecipientKeyPair } from '@/shared/crypto/window-keys'

const requestId = '0b9f6a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b'
const asRequest: EnvelopeBinding = { requestId, windowId: 'toshima', kind: 'request', messageId: requestId }
const payload = { v: 1, nickname: 'ねこ', message: '夜になると不安です。' }
const as = (k: RecipientKeyPair) => ({ keyId: k.keyId, publicKey: k.publicKey })

describe('鍵のかけ直し（新しい同僚・端末をなくした人）', () => {
  it('同僚の鍵で開け、新しい鍵の分だけを足す。暗号文は変わらず、新しい鍵で開ける', async () => {
    const [colleague, recovery, newcomer] = await Promise.all([generateRecipientKeyPair(), generateRecipientKeyPair(), generateRecipientKeyPair()])
    const envelope = await sealEnvelope({ ...asRequest, payload, recipients: [as(colleague), as(recovery)] })
    await expect(openEnvelope(envelope, newcomer, asRequest)).rejects.toBeInstanceOf(DecryptError)

    const wraps = await resealWraps(envelope, colleague, asRequest, [as(newcomer), as(colleague)])
    expect(wraps.map((w) => w.keyId)).toEqual([newcomer.keyId])
    const resealed = { ...envelope, recipients: [...envelope.recipients, ...wraps] }
    expect(resealed.ciphertext).toBe(envelope.ciphertext)
    expect(await openEnvelope(resealed, newcomer, asRequest)).toEqual(payload)
  })

  it('管理者が復旧用の鍵ファイルから開いてもかけ直せる', async () => {
    const colleague = await generateRecipientKeyPair()
    const recoveryFile = await generateRecipientKeyPair({ extractable: true })
    const envelope = await sealEnvelope({ ...asRequest, payload, recipients: [as(colleague), as(recoveryFile)] })
    const loaded = await recipientFromPrivateJwk(await exportPrivateKeyJwk(recoveryFile.privateKey))
    const newcomer = await generateRecipientKeyPair()
    const wraps = await resealWraps(envelope, loaded, asRequest, [as(newcomer)])
    expect(await openEnvelope({ ...envelope, recipients: [...envelope.recipients, ...wraps] }, newcomer, asRequest)).toEqual(payload)
  })

  it('開けない鍵、ちがう相談・ちがう種類としてはかけ直せない（DecryptError）', async () => {
    const [colleague, outsider, newcomer] = await Promise.all([generateRecipientKeyPair(), generateRecipientKeyPair(), generateRecipientKeyPair()])
    const envelope = await sealEnvelope({ ...asRequest, payload, recipients: [as(colleague)] })
    await expect(resealWraps(envelope, outsider, asRequest, [as(newcomer)])).rejects.toBeInstanceOf(DecryptError)
    await expect(resealWraps(envelope, colleague, { ...asRequest, kind: 'note' }, [as(newcomer)])).rejects.toBeInstanceOf(DecryptError)
    await expect(resealWraps(envelope, colleague, { ...asRequest, windowId: 'bunkyo' }, [as(newcomer)])).rejects.toBeInstanceOf(DecryptError)
  })
})

describe('ほかの窓口へつなぐ', () => {
  it('つなぎ先の鍵だけの一覧になり、もとの窓口の鍵では開けない。もとの窓口の id に結びついたまま', async () => {
    const [first, bunkyoStaff, bunkyoRecovery] = await Promise.all([generateRecipientKeyPair(), generateRecipientKeyPair(), generateRecipientKeyPair()])
    const note = { ...asRequest, kind: 'consent' as const, messageId: crypto.randomUUID() }
    const envelope = await sealEnvelope({ ...note, payload, recipients: [as(first)] })
    const wraps = await handoverWraps(envelope, first, note, [as(bunkyoStaff), as(bunkyoRecovery)])
    const handed = { ...envelope, recipients: wraps }
    expect(wraps.map((w) => w.keyId)).toEqual([bunkyoStaff.keyId, bunkyoRecovery.keyId])
    expect(await openEnvelope(handed, bunkyoStaff, { ...note, windowId: boundWindowOf(handed, 'bunkyo', [{ fromWindowId: 'toshima' }]) })).toEqual(payload)
    await expect(openEnvelope(handed, first, note)).rejects.toBeInstanceOf(DecryptError)
  })

  it('封筒が名のる窓口は、その相談が通ってきた窓口のときだけ信じる', () => {
    expect(boundWindowOf({ windowId: 'toshima' }, 'bunkyo', [{ fromWindowId: 'toshima' }])).toBe('toshima')
    expect(boundWindowOf({ windowId: 'adachi' }, 'bunkyo', [{ fromWindowId: 'toshima' }])).toBe('bunkyo')
    expect(boundWindowOf({ windowId: 'toshima' }, 'bunkyo')).toBe('bunkyo')
  })
})
