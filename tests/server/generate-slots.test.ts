import { describe, expect, it } from 'vitest'
import { isJapaneseHoliday } from '../../src/shared/hours/holiday-dates'
import { loadDeployment } from '../../src/server/node'
import { slotsFor, toTokyoIso } from '../../src/server/slots/generate-slots'

const windows = loadDeployment().windows
const on = (date: string) => slotsFor(windows, date, 1, isJapaneseHoliday)

describe('週ごとの受付枠から日付つきの枠を作る', () => {
  it('平日の豊島区は電話・来所の枠が窓口の受付時間内に、東京時間で並ぶ', () => {
    const slots = on('2026-11-25').filter((s) => s.windowId === 'toshima')
    const phone = slots.filter((s) => s.mode === 'phone')
    expect(phone[0]).toEqual({
      id: 'toshima-phone-20261125-0900',
      windowId: 'toshima',
      mode: 'phone',
      start: '2026-11-25T09:00:00+09:00',
      end: '2026-11-25T09:50:00+09:00',
    })
    for (const slot of phone) expect(slot.start >= '2026-11-25T08:30' && slot.end <= '2026-11-25T17:15').toBe(true)
    for (const slot of slots.filter((s) => s.mode === 'visit')) expect(slot.start >= '2026-11-25T09:00' && slot.end <= '2026-11-25T16:30').toBe(true)
  })

  it('土日・祝日（勤労感謝の日）・年末年始には枠がない', () => {
    expect(on('2026-11-28')).toEqual([])
    expect(on('2026-11-23')).toEqual([])
    for (const date of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']) expect(on(date)).toEqual([])
    expect(on('2027-01-04').length).toBeGreaterThan(0)
  })

  it('同じ期間を作り直すと同じ id になる（何度入れても増えない）', () => {
    expect(slotsFor(windows, '2026-11-24', 14, isJapaneseHoliday)).toEqual(slotsFor(windows, '2026-11-24', 14, isJapaneseHoliday))
    const ids = slotsFor(windows, '2026-11-24', 14, isJapaneseHoliday).map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('UTC の深夜でも東京の日付と時刻で書く', () => {
    expect(toTokyoIso(new Date('2026-11-24T15:30:00Z'))).toBe('2026-11-25T00:30:00+09:00')
  })
})
