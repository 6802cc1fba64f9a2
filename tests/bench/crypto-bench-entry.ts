import { sealEnvelope } from '@/shared/crypto/envelope'
import { generateReceiptCode } from '@/shared/crypto/receipt-code'
import { deriveReceiptKeys } from '@/shared/crypto/receipt-keys'
import { generateRecipientKeyPair } from '@/shared/crypto/window-keys'

/** Bundled and loaded into Chromium by crypto-bench.ts: what the booking form does on 送信. */
const MESSAGE = '夜になると不安で眠れない日が続いています。家族にも話せずにいます。'.repeat(70).slice(0, 2000)

export async function makeRecipients() {
  const keys = await Promise.all([generateRecipientKeyPair(), generateRecipientKeyPair(), generateRecipientKeyPair()])
  return keys.map(({ keyId, publicKey }) => ({ keyId, publicKey }))
}

export async function submitOnce(recipients: Array<{ keyId: string; publicKey: string }>) {
  const start = performance.now()
  const keys = await deriveReceiptKeys(generateReceiptCode(), 'tokyo-sample')
  const afterKdf = performance.now()
  const requestId = crypto.randomUUID()
  const envelope = await sealEnvelope({
    requestId,
    windowId: 'toshima',
    kind: 'request',
    messageId: requestId,
    recipients,
    payload: {
      v: 1,
      asker: 'family',
      relation: 'parent',
      nickname: 'さくら',
      ageGroup: '20s',
      mode: 'phone',
      concerns: ['生活リズム', '家族関係'],
      mainConcern: '生活リズム',
      message: MESSAGE,
      contact: { kind: 'phone', phone: '090-0000-0000', safeTimes: '家族がいない平日昼' },
      replyKey: keys.replyKeyRaw,
      writtenAt: new Date().toISOString(),
    },
  })
  const end = performance.now()
  return { kdfMs: afterKdf - start, sealMs: end - afterKdf, totalMs: end - start, ciphertextChars: envelope.ciphertext.length }
}
