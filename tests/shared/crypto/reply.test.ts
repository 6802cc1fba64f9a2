import { describe, expect, it } from 'vitest'
import { fromBase64url, toBase64url } from '@/shared/crypto/base64url'
import { DecryptError } from '@/shared/crypto/envelope'
import { generateReceiptCode } from '@/shared/crypto/receipt-code'
import { deriveReceiptKeys } from '@/shared/crypto/receipt-keys'
import { decryptReply, encryptReply } from '@/shared/crypto/reply'
import { replyEnvelopeSchema, type ReplyEnvelope } from '@/shared/schemas/envelope'

const bound = { requestId: '0b9f6a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b', messageId: '9a1c2e3f-4b5d-4e6f-8a7b-1c2d3e4f5a6b' }
const message = { text: '面談の日が決まりました。MARKER-reply-51c2', sentBy: '相談員' }

async function keysFor() {
  return deriveReceiptKeys(generateReceiptCode(), 'tokyo-sample', 1_000)
}

function flipByte(text: string, index: number): string {
  const bytes = fromBase64url(text)
  bytes[index % bytes.length]! ^= 0x80
  return toBase64url(bytes)
}

describe('職員からの返信（受付番号の reply key で暗号化）', () => {
  it('受付番号を持つ人だけが読める', async () => {
    const { replyKeyRaw } = await keysFor()
    const sealed = await encryptReply(replyKeyRaw, message, bound)
    expect(replyEnvelopeSchema.parse(sealed)).toEqual(sealed)
    expect(JSON.stringify(sealed)).not.toContain('MARKER-reply')
    expect(await decryptReply(replyKeyRaw, sealed, bound)).toEqual(message)
  })

  it('別の受付番号の鍵では読めない', async () => {
    const [mine, other] = await Promise.all([keysFor(), keysFor()])
    const sealed = await encryptReply(mine.replyKeyRaw, message, bound)
    await expect(decryptReply(other.replyKeyRaw, sealed, bound)).rejects.toBeInstanceOf(DecryptError)
    await expect(decryptReply(mine.authKey, sealed, bound)).rejects.toBeInstanceOf(DecryptError)
    await expect(decryptReply('short', sealed, bound)).rejects.toBeInstanceOf(DecryptError)
  })

  it('暗号文や iv を1バイト変えると読めない', async () => {
    const { replyKeyRaw } = await keysFor()
    const sealed = await encryptReply(replyKeyRaw, message, bound)
    const length = fromBase64url(sealed.ciphertext).length
    const tampered: ReplyEnvelope[] = [
      ...[0, Math.floor(length / 2), length - 1].map((i) => ({ ...sealed, ciphertext: flipByte(sealed.ciphertext, i) })),
      { ...sealed, iv: flipByte(sealed.iv, 3) },
    ]
    for (const envelope of tampered) {
      await expect(decryptReply(replyKeyRaw, envelope, bound)).rejects.toBeInstanceOf(DecryptError)
    }
  })
})
