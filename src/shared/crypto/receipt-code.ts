/**
 * The receipt code: 15 random digits and a Damm check digit. Damm's quasigroup catches every
 * single-digit error and every adjacent transposition (Luhn misses 09↔90), so a typo on the status
 * page is caught on the device before anything is sent.
 */
export const RECEIPT_CODE_LENGTH = 16

const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
]

function dammInterim(digits: string): number {
  let interim = 0
  for (const char of digits) interim = DAMM[interim]![char.charCodeAt(0) - 48]!
  return interim
}

/** The Damm check digit to append to `body` (ASCII digits). */
export function receiptCheckDigit(body: string): string {
  if (!/^[0-9]*$/.test(body)) throw new TypeError('Digits only')
  return String(dammInterim(body))
}

function randomDigits(count: number): string {
  let out = ''
  const buffer = new Uint8Array(32)
  while (out.length < count) {
    crypto.getRandomValues(buffer)
    for (const byte of buffer) {
      // 250 is the largest multiple of 10 below 256: rejecting the rest keeps every digit equally likely.
      if (byte < 250 && out.length < count) out += String(byte % 10)
    }
  }
  return out
}

export function generateReceiptCode(): string {
  const body = randomDigits(RECEIPT_CODE_LENGTH - 1)
  return body + receiptCheckDigit(body)
}

/** True for exactly 16 ASCII digits whose check digit holds. Normalize user input first. */
export function isValidReceiptCode(digits: string): boolean {
  return typeof digits === 'string' && /^[0-9]{16}$/.test(digits) && dammInterim(digits) === 0
}

const FULL_WIDTH_ZERO = 0xff10
/** Separators people type or paste: spaces (incl. full-width), hyphens, dashes, minus, ー. */
const SEPARATORS = /[\s\u3000\-\u2010-\u2015\u2212\u30fc\uff0d]/g

function toAsciiDigits(input: string): string {
  return input
    .replace(SEPARATORS, '')
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_ZERO + 48))
}

/**
 * What the person typed → 16 ASCII digits, or null when it is not 16 digits. The check digit is
 * not checked here (use `isValidReceiptCode`), so the UI can tell "too short" from "a typo".
 */
export function normalizeReceiptCode(input: string): string | null {
  if (typeof input !== 'string') return null
  const digits = toAsciiDigits(input)
  return /^[0-9]{16}$/.test(digits) ? digits : null
}

/** '1234567890123456' → '1234 5678 9012 3456'; partial input is grouped too, for as-you-type display. */
export function formatReceiptCode(digits: string): string {
  const clean = toAsciiDigits(digits)
  return (clean.match(/.{1,4}/g) ?? []).join(' ')
}
