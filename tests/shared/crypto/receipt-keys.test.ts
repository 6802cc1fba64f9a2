import { createHash, hkdfSync, pbkdf2Sync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { fromBase64url } from '@/shared/crypto/base64url'
import { formatReceiptCode, generateReceiptCode, receiptCheckDigit } from '@/shared/crypto/receipt-code'
import { PBKDF2_ITERATIONS, deriveReceiptKeys, hashAuthKey } from '@/shared/crypto/receipt-keys'
import { authKeySchema, lookupIdSchema } from '@/shared/schemas/requests'

const FAST = 1_000

function withDigitChanged(code: string, index: number): string {
  const body = code.slice(0, 15)
  const digit = String((Number(body[index]) + 1) % 10)
  const changed = body.slice(0, index) + digit + body.slice(index + 1)
  return changed + receiptCheckDigit(changed)
}

describe('受付番号からの鍵の導出', () => {
  it('同じ番号と同じ自治体構成なら、いつも同じ鍵になる', async () => {
    const code = generateReceiptCode()
    const a = await deriveReceiptKeys(code, 'tokyo-sample', FAST)
    const b = await deriveReceiptKeys(formatReceiptCode(code), 'tokyo-sample', FAST)
    expect(b).toEqual(a)
  })

  it('4つの値はどれも32バイト（base64url で43文字）で、互いに違う', async () => {
    const keys = await deriveReceiptKeys(generateReceiptCode(), 'tokyo-sample', FAST)
    const values = [keys.lookupId, keys.authKey, keys.authHash, keys.replyKeyRaw]
    for (const value of values) {
      expect(value).toHaveLength(43)
      expect(fromBase64url(value)).toHaveLength(32)
    }
    expect(new Set(values).size).toBe(4)
    expect(lookupIdSchema.safeParse(keys.lookupId).success).toBe(true)
    expect(authKeySchema.safeParse(keys.authKey).success).toBe(true)
  })

  it('別の自治体構成（deployment id）では全部の鍵が変わる', async () => {
    const code = generateReceiptCode()
    const a = await deriveReceiptKeys(code, 'tokyo-sample', FAST)
    const b = await deriveReceiptKeys(code, 'tokyo-other', FAST)
    expect(b.lookupId).not.toBe(a.lookupId)
    expect(b.authKey).not.toBe(a.authKey)
    expect(b.replyKeyRaw).not.toBe(a.replyKeyRaw)
  })

  it('1桁違う番号では全部の鍵が変わる', async () => {
    const code = generateReceiptCode()
    const a = await deriveReceiptKeys(code, 'tokyo-sample', FAST)
    for (const index of [0, 7, 14]) {
      const b = await deriveReceiptKeys(withDigitChanged(code, index), 'tokyo-sample', FAST)
      expect(b.lookupId).not.toBe(a.lookupId)
      expect(b.authKey).not.toBe(a.authKey)
      expect(b.replyKeyRaw).not.toBe(a.replyKeyRaw)
    }
  })

  it('Node の crypto で独立に計算した PBKDF2 → HKDF の値と一致する（仕様どおりのソルトとラベル）', async () => {
    const code = generateReceiptCode()
    const keys = await deriveReceiptKeys(code, 'tokyo-sample', FAST)
    const master = pbkdf2Sync(code, 'tsunagu/v1/receipt/tokyo-sample', FAST, 32, 'sha256')
    const expand = (label: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), label, 32)).toString('base64url')
    expect(keys.lookupId).toBe(expand('tsunagu/v1/receipt/lookup-id'))
    expect(keys.authKey).toBe(expand('tsunagu/v1/receipt/auth-key'))
    expect(keys.replyKeyRaw).toBe(expand('tsunagu/v1/receipt/reply-key'))
    expect(keys.authHash).toBe(createHash('sha256').update(fromBase64url(keys.authKey)).digest('base64url'))
  })

  it('authHash はサーバーが authKey から計算するものと一致する', async () => {
    const keys = await deriveReceiptKeys(generateReceiptCode(), 'tokyo-sample', FAST)
    expect(await hashAuthKey(keys.authKey)).toBe(keys.authHash)
    const other = await deriveReceiptKeys(generateReceiptCode(), 'tokyo-sample', FAST)
    expect(await hashAuthKey(other.authKey)).not.toBe(keys.authHash)
  })

  it('壊れた authKey は hashAuthKey が拒む', async () => {
    await expect(hashAuthKey('short')).rejects.toThrow()
    await expect(hashAuthKey('!'.repeat(43))).rejects.toThrow()
  })

  it('検査数字の合わない番号からは鍵を作らない', async () => {
    const code = generateReceiptCode()
    const typo = code.slice(0, 15) + String((Number(code[15]) + 1) % 10)
    await expect(deriveReceiptKeys(typo, 'tokyo-sample', FAST)).rejects.toThrow()
    await expect(deriveReceiptKeys('1234', 'tokyo-sample', FAST)).rejects.toThrow()
  })

  it('反復回数が違えば鍵も違う（既定値は 600,000 回）', async () => {
    const code = generateReceiptCode()
    const a = await deriveReceiptKeys(code, 'tokyo-sample', FAST)
    const b = await deriveReceiptKeys(code, 'tokyo-sample', FAST + 1)
    expect(b.lookupId).not.toBe(a.lookupId)
    expect(PBKDF2_ITERATIONS).toBe(600_000)
  })

  it('既定の 600,000 回で導出でき、明示した 600,000 回と同じ結果になる', async () => {
    const code = generateReceiptCode()
    const byDefault = await deriveReceiptKeys(code, 'tokyo-sample')
    const explicit = await deriveReceiptKeys(code, 'tokyo-sample', 600_000)
    expect(byDefault).toEqual(explicit)
    const fast = await deriveReceiptKeys(code, 'tokyo-sample', FAST)
    expect(byDefault.lookupId).not.toBe(fast.lookupId)
  }, 30_000)
})
