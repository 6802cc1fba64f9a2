import { describe, expect, it } from 'vitest'
import { isJapaneseHoliday } from '@/shared/hours/holiday-dates'
import { openingStatus } from '@/shared/hours/opening-status'
import type { OpeningHours } from '@/shared/schemas/deployment'

const weekdays: OpeningHours[] = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '08:30', close: '17:15' }]
const closed = { publicHolidays: true, yearEnd: true, extraDates: [] }
const at = (iso: string) => openingStatus(weekdays, closed, new Date(iso), isJapaneseHoliday)

describe('openingStatus (Asia/Tokyo)', () => {
  it('平日 10:00 は受付中で、17:15 まで', () => {
    expect(at('2026-11-25T10:00:00+09:00')).toEqual({ kind: 'open', closesAt: '17:15' })
  })

  it('平日 18:00 は時間外で、次は翌朝 8:30', () => {
    expect(at('2026-11-25T18:00:00+09:00')).toMatchObject({
      kind: 'closed',
      next: { date: '2026-11-26', weekday: 'thu', opensAt: '08:30', daysAhead: 1 },
    })
  })

  it('平日の朝 7:00 は、今日 8:30 から', () => {
    expect(at('2026-11-25T07:00:00+09:00')).toMatchObject({ kind: 'closed', next: { date: '2026-11-25', daysAhead: 0 } })
  })

  it('17:15 ちょうどは時間外', () => {
    expect(at('2026-11-25T17:15:00+09:00').kind).toBe('closed')
  })

  it('祝日（勤労感謝の日 2026-11-23 月曜）は閉まっていて、次は火曜', () => {
    expect(at('2026-11-23T10:00:00+09:00')).toMatchObject({ kind: 'closed', next: { date: '2026-11-24', weekday: 'tue' } })
  })

  it('年末年始（12/31）は閉まっていて、次は 1/4 の月曜', () => {
    expect(at('2026-12-31T10:00:00+09:00')).toMatchObject({ kind: 'closed', next: { date: '2027-01-04', weekday: 'mon', daysAhead: 4 } })
  })

  it('端末の時刻帯に関係なく東京時間で判断する: UTC 01:00 は東京 10:00', () => {
    expect(at('2026-11-25T01:00:00Z')).toEqual({ kind: 'open', closesAt: '17:15' })
  })

  it('受付時間のない窓口は none', () => {
    expect(openingStatus([], closed, new Date(), isJapaneseHoliday)).toEqual({ kind: 'none' })
  })
})
