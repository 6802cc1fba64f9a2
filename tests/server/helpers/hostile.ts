import fc from 'fast-check'
import { expect } from 'vitest'

export const endpoints = ['/api/requests', '/api/requests/lookup', '/api/requests/cancel', '/api/requests/messages', '/api/metrics']

/** Strings no field accepts: every wire format is ASCII-only and none starts with '<'. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => `<${s}`),
  fc.constantFrom('<script>alert(1)</script>', "' OR 1=1 --", '\u202eevil', '../../etc/passwd', '\u0000', '𠮷野家🙂'),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => `<${'あ'.repeat(n / 3)}`),
)
export const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.constant({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
)

export function expectErrorAnswer(status: number, json: unknown) {
  expect(status).toBeGreaterThanOrEqual(400)
  expect(status).toBeLessThan(500)
  expect(typeof (json as { error?: unknown }).error).toBe('string')
  expect((json as { error: string }).error).toMatch(/^errors\.[A-Za-z]+$/)
}

