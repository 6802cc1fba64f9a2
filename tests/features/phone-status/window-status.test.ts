import { describe, expect, it } from 'vitest'
import { phoneStatusOf, spansSpecialClosure } from '@/features/phone-status/window-status'
import { defaultWindow } from '@/lib/deployment'
import { tokyoInstant } from '@/shared/hours/tokyo-time'

const toshima = defaultWindow()

function daysAheadAt(date: string, time: string): number {
  const status = phoneStatusOf(toshima, tokyoInstant(date, time))
  if (status.kind !== 'closed' || !status.next) throw new Error(`expected closed at ${date} ${time}`)
  return status.next.daysAhead
}

describe('次に電話がつながる日を、曜日だけでなく日付で示すか', () => {
  it('週末をはさむだけなら曜日で足りる（金曜の夜 → 月曜）', () => {
    const now = tokyoInstant('2026-11-27', '18:00')
    expect(spansSpecialClosure(toshima, now, daysAheadAt('2026-11-27', '18:00'))).toBe(false)
  })

  it('祝日をはさむと日付で示す（日曜の夜 → 祝日の月曜をとばして火曜）', () => {
    const now = tokyoInstant('2026-11-22', '20:00')
    expect(daysAheadAt('2026-11-22', '20:00')).toBe(2)
    expect(spansSpecialClosure(toshima, now, 2)).toBe(true)
  })

  it('年末年始をはさむと日付で示す（12月28日の夜 → 1月4日）', () => {
    const now = tokyoInstant('2026-12-28', '18:00')
    expect(daysAheadAt('2026-12-28', '18:00')).toBe(7)
    expect(spansSpecialClosure(toshima, now, 7)).toBe(true)
  })
})
