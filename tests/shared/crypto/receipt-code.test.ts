import { describe, expect, it } from 'vitest'
import {
  formatReceiptCode,
  generateReceiptCode,
  isValidReceiptCode,
  normalizeReceiptCode,
  receiptCheckDigit,
} from '@/shared/crypto/receipt-code'

const codes = Array.from({ length: 300 }, generateReceiptCode)

function replaceAt(code: string, index: number, digit: string): string {
  return code.slice(0, index) + digit + code.slice(index + 1)
}

describe('受付番号のチェックディジット（Damm）', () => {
  it('生成した番号は16桁の数字で、検査を通る', () => {
    for (const code of codes) {
      expect(code).toMatch(/^[0-9]{16}$/)
      expect(isValidReceiptCode(code)).toBe(true)
    }
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('どの桁を別の数字に打ち間違えても必ず見つける', () => {
    let checked = 0
    for (const code of codes) {
      for (let i = 0; i < 16; i++) {
        for (const d of '0123456789') {
          if (d === code[i]) continue
          expect(isValidReceiptCode(replaceAt(code, i, d)), `${code} @${i}→${d}`).toBe(false)
          checked++
        }
      }
    }
    expect(checked).toBe(300 * 16 * 9)
  })

  it('となり合う2桁の入れ替えも必ず見つける（Luhn が見逃す 09↔90 も）', () => {
    let checked = 0
    for (const code of codes) {
      for (let i = 0; i < 15; i++) {
        const a = code[i]!
        const b = code[i + 1]!
        if (a === b) continue
        const swapped = code.slice(0, i) + b + a + code.slice(i + 2)
        expect(isValidReceiptCode(swapped), `${code} swap @${i}`).toBe(false)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(300 * 15 * 0.8)
  })

  it('すべての数字の組 (a,b) について、どの位置で入れ替えても見つける', () => {
    const body = '3141592653589'
    for (const a of '0123456789') {
      for (const b of '0123456789') {
        if (a === b) continue
        for (let i = 0; i <= body.length; i++) {
          const left = body.slice(0, i) + a + b + body.slice(i)
          const code = left + receiptCheckDigit(left)
          expect(code).toHaveLength(16)
          expect(isValidReceiptCode(code)).toBe(true)
          const swapped = body.slice(0, i) + b + a + body.slice(i) + code[15]
          expect(isValidReceiptCode(swapped)).toBe(false)
        }
      }
    }
  })

  it('Damm の既知の例: 572 の検査数字は 4', () => {
    expect(receiptCheckDigit('572')).toBe('4')
  })

  it('16桁でないもの・数字以外は無効', () => {
    const code = codes[0]!
    expect(isValidReceiptCode(code.slice(0, 15))).toBe(false)
    expect(isValidReceiptCode(code + '0')).toBe(false)
    expect(isValidReceiptCode(formatReceiptCode(code))).toBe(false)
    expect(isValidReceiptCode('')).toBe(false)
    expect(isValidReceiptCode('abcdefghijklmnop')).toBe(false)
  })
})

describe('受付番号の入力のゆれ', () => {
  it('4桁ずつ空白で区切って表示し、戻すと同じ番号になる', () => {
    for (const code of codes.slice(0, 50)) {
      const shown = formatReceiptCode(code)
      expect(shown).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/)
      expect(normalizeReceiptCode(shown)).toBe(code)
    }
    expect(formatReceiptCode('1234567890123456')).toBe('1234 5678 9012 3456')
  })

  it('全角数字・全角空白・ハイフン・長音記号で入力しても読める', () => {
    const code = codes[1]!
    const fullWidth = [...code].map((c) => String.fromCharCode(c.charCodeAt(0) - 48 + 0xff10)).join('')
    expect(normalizeReceiptCode(fullWidth)).toBe(code)
    const grouped = formatReceiptCode(fullWidth).replace(/ /g, '\u3000')
    expect(normalizeReceiptCode(grouped)).toBe(code)
    expect(normalizeReceiptCode(code.replace(/(\d{4})(?!$)/g, '$1-'))).toBe(code)
    expect(normalizeReceiptCode(code.replace(/(\d{4})(?!$)/g, '$1ー'))).toBe(code)
    expect(normalizeReceiptCode(` ${formatReceiptCode(code)} `)).toBe(code)
    expect(formatReceiptCode(fullWidth)).toBe(formatReceiptCode(code))
  })

  it('桁が足りない・多い・ほかの文字があるときは null', () => {
    expect(normalizeReceiptCode('1234 5678 9012 345')).toBeNull()
    expect(normalizeReceiptCode('1234 5678 9012 34567')).toBeNull()
    expect(normalizeReceiptCode('1234 5678 9O12 3456')).toBeNull()
    expect(normalizeReceiptCode('')).toBeNull()
  })

  it('入力途中の数字も4桁ずつまとめて表示する', () => {
    expect(formatReceiptCode('123456')).toBe('1234 56')
    expect(formatReceiptCode('')).toBe('')
  })
})
