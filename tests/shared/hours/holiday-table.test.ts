import { describe, expect, it } from 'vitest'
import { holidayDatesFrom } from '@/shared/hours/holiday-dates'
import { decodeHolidays, encodeHolidays } from '@/shared/hours/holiday-table'

describe('祝日の表（ブラウザに送る形）', () => {
  it('年ごとの MMDD に縮めても、同じ日付に戻る', () => {
    const dates = holidayDatesFrom(2025)
    const table = encodeHolidays(dates)
    expect(table.startsWith('2025:0101,0113,')).toBe(true)
    expect([...decodeHolidays(table)].sort()).toEqual(dates)
  })

  it('空の表は空の集合', () => {
    expect(decodeHolidays(encodeHolidays([])).size).toBe(0)
  })
})
