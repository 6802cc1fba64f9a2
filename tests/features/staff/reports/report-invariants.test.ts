import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeYearReport, consulterSubtotal, reportMethods } from '@/features/staff/reports/compute-report'
import { ageGroups, askers, familyRelations } from '@/shared/schemas/booking-payload'
import { caseOrigins, contactMethods, contactParticipants, reportCaseSchema } from '@/shared/schemas/contact-log'

const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
const contact = fc.record({
  id: fc.uuid({ version: 4 }),
  date: day,
  method: fc.constantFrom(...contactMethods),
  participants: fc.subarray([...contactParticipants], { minLength: 1 }),
})
const reportCase = fc
  .record({
    requestId: fc.uuid({ version: 4 }),
    createdAt: day.map((d) => `${d}T09:00:00+09:00`),
    origin: fc.constantFrom(...caseOrigins),
    asker: fc.constantFrom(...askers),
    relation: fc.option(fc.constantFrom(...familyRelations)),
    ageGroup: fc.option(fc.constantFrom(...ageGroups)),
    parentAged80OrOver: fc.boolean(),
    contacts: fc.array(contact, { maxLength: 8 }),
  })
  .map((c) => reportCaseSchema.parse(c))

describe('どんな案件でも、表どうしの数が合う', () => {
  it('月の合計は年度の数、手法の合計は延べ、初回相談の相談者の計と受付経路の計は新規、年代の計は実人数', () => {
    fc.assert(
      fc.property(fc.array(reportCase, { maxLength: 30 }), fc.constantFrom(2023, 2024, 2025), (cases, year) => {
        const r = computeYearReport(cases, year)
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
        expect(sum(r.months.map((m) => m.total))).toBe(r.total)
        expect(sum(r.months.map((m) => m.newCases))).toBe(r.newCases)
        for (const m of reportMethods) expect(sum(r.months.map((row) => row.byMethod[m]))).toBe(r.byMethod[m])
        expect(sum(Object.values(r.byMethod))).toBe(r.total)
        expect(sum(reportMethods.map((m) => consulterSubtotal(r.firstConsulters[m])))).toBe(r.newCases)
        expect(sum(Object.values(r.newByOrigin))).toBe(r.newCases)
        expect(sum(Object.values(r.byAge))).toBe(r.activeCases)
        expect(sum(Object.values(r.askers))).toBe(r.activeCases)
        expect(r.newCases).toBeLessThanOrEqual(r.activeCases)
        expect(r.activeCases).toBeLessThanOrEqual(r.total)
      }),
      { numRuns: 200 },
    )
  })
})
