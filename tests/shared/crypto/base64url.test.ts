import { describe, expect, it } from 'vitest'
import { fromBase64url, toBase64url } from '@/shared/crypto/base64url'

describe('base64url', () => {
  it('RFC 4648 の例と一致し、パディングを付けない', () => {
    const cases: Array<[string, string]> = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ]
    for (const [plain, encoded] of cases) {
      expect(toBase64url(new TextEncoder().encode(plain))).toBe(encoded)
      expect(new TextDecoder().decode(fromBase64url(encoded))).toBe(plain)
    }
    expect(toBase64url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-')
  })

  it('あらゆる長さのランダムなバイト列が往復する', () => {
    for (let length = 0; length < 100; length++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length))
      const text = toBase64url(bytes)
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/)
      expect(Array.from(fromBase64url(text))).toEqual(Array.from(bytes))
    }
  })

  it('不正な入力は例外にする', () => {
    for (const bad of ['Zg==', 'Zm9v+', 'Zm9v/', 'Z', 'Zm 9v', 'Zm9vä', 'Zh', 'Zm9']) {
      expect(() => fromBase64url(bad), bad).toThrow()
    }
  })
})
