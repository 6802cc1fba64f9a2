import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { fromBase64url } from '@/shared/crypto/base64url'
import { openEnvelope, sealEnvelope } from '@/shared/crypto/envelope'
import {
  exportPrivateKeyJwk,
  fingerprintOf,
  generateRecipientKeyPair,
  importPrivateKeyJwk,
  importRecipientPublicKey,
  recipientFromPrivateJwk,
} from '@/shared/crypto/window-keys'
import { recipientKeySchema } from '@/shared/schemas/envelope'

describe('窓口の鍵（ECDH P-256）', () => {
  it('keyId・公開鍵・指紋の形が仕様どおりで、/api/config の形式に合う', async () => {
    const key = await generateRecipientKeyPair()
    const raw = fromBase64url(key.publicKey)
    expect(raw).toHaveLength(65)
    expect(raw[0]).toBe(4)
    const hash = createHash('sha256').update(raw).digest()
    expect(key.keyId).toBe(hash.toString('base64url').slice(0, 16))
    expect(key.fingerprint).toBe(hash.toString('hex').slice(0, 32).match(/.{4}/g)!.join(' '))
    expect(key.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/)
    expect(await fingerprintOf(key.publicKey)).toBe(key.fingerprint)
    const published = { keyId: key.keyId, kind: 'staff', publicKey: key.publicKey, fingerprint: key.fingerprint }
    expect(recipientKeySchema.safeParse(published).success).toBe(true)
  })

  it('職員の秘密鍵は既定で取り出せない', async () => {
    const key = await generateRecipientKeyPair()
    expect(key.privateKey.extractable).toBe(false)
    await expect(exportPrivateKeyJwk(key.privateKey)).rejects.toThrow()
  })

  it('予備鍵のファイル（JWK）に書き出し、読み戻した鍵で封筒を開ける', async () => {
    const recovery = await generateRecipientKeyPair({ extractable: true })
    const jwk = JSON.parse(JSON.stringify(await exportPrivateKeyJwk(recovery.privateKey))) as JsonWebKey
    const envelope = await sealEnvelope({
      requestId: '0b9f6a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b',
      windowId: 'toshima',
      kind: 'request',
      messageId: '0b9f6a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b',
      payload: { hello: '予備鍵' },
      recipients: [{ keyId: recovery.keyId, publicKey: recovery.publicKey }],
    })
    const privateKey = await importPrivateKeyJwk(jwk)
    expect(privateKey.extractable).toBe(false)
    expect(await openEnvelope(envelope, { keyId: recovery.keyId, privateKey }, { requestId: envelope.requestId, windowId: 'toshima', kind: 'request', messageId: envelope.requestId })).toEqual({ hello: '予備鍵' })
    const restored = await recipientFromPrivateJwk(jwk)
    expect([restored.keyId, restored.publicKey, restored.fingerprint]).toEqual([recovery.keyId, recovery.publicKey, recovery.fingerprint])
  })

  it('秘密鍵でない JWK や壊れた公開鍵は受け付けない', async () => {
    const key = await generateRecipientKeyPair({ extractable: true })
    const { d: _d, ...publicOnly } = await exportPrivateKeyJwk(key.privateKey)
    await expect(importPrivateKeyJwk(publicOnly)).rejects.toThrow()
    await expect(importRecipientPublicKey(key.publicKey.slice(0, -2))).rejects.toThrow()
    const offCurve = fromBase64url(key.publicKey)
    offCurve[64]! ^= 1
    const { toBase64url } = await import('@/shared/crypto/base64url')
    await expect(importRecipientPublicKey(toBase64url(offCurve))).rejects.toThrow()
    expect(await importRecipientPublicKey(key.publicKey)).toBeDefined()
  })
})
