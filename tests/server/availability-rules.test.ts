import { describe, expect, it } from 'vitest'
import { isJapaneseHoliday } from '../../src/shared/hours/holiday-dates'
import { loadDeployment } from '../../src/server/node'
import { defaultModeAvailability, earliestBookable, slotsForMode } from '../../src/server/slots/availability-rules'
import type { ModeAvailability } from '../../src/shared/schemas/availability'

const [toshima, bunkyo] = loadDeployment().windows as [ReturnType<typeof loadDeployment>['windows'][number], ReturnType<typeof loadDeployment>['windows'][number]]
const settings = (over: Partial<ModeAvailability> = {}): ModeAvailability => ({
  rules: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '12:00', minutes: 50, buffer: 10 }],
  closedDates: [],
  specialDays: [],
  noticeHours: 2,
  horizonDays: 14,
  ...over,
})
const startsOn = (s: ModeAvailability, date: string, window = toshima) =>
  slotsForMode(window, 'phone', s, date, 1, isJapaneseHoliday).map((slot) => slot.start.slice(11, 16))
const tokyo = (iso: string) => new Date(`${iso}+09:00`)

describe('受付枠のルールから日付つきの枠を作る', () => {
  it('deployment.json の時刻の並びは、同じ枠になる from–to と休み時間（バッファー）のルールになる', () => {
    const phone = defaultModeAvailability(toshima, 'phone')
    expect(phone.rules.map((r) => [r.from, r.to, r.minutes, r.buffer])).toEqual([
      ['09:00', '11:50', 50, 10],
      ['13:00', '16:50', 50, 10],
    ])
    expect(startsOn(phone, '2026-11-25')).toEqual(['09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00'])
    expect(phone).toMatchObject({ noticeHours: 2, horizonDays: 14, closedDates: [], specialDays: [] })
    expect(defaultModeAvailability(bunkyo, 'video').rules.map((r) => r.from)).toEqual(['10:00', '14:00'])
    expect(defaultModeAvailability(bunkyo, 'phone').rules).toEqual([])
  })

  it('枠の長さとバッファー: 50分の相談と10分の間なら、次の枠は1時間後。終わりの時刻をこえる枠は作らない', () => {
    expect(startsOn(settings(), '2026-11-25')).toEqual(['09:00', '10:00', '11:00'])
    expect(startsOn(settings({ rules: [{ days: ['wed'], from: '09:00', to: '12:00', minutes: 45, buffer: 30 }] }), '2026-11-25')).toEqual(['09:00', '10:15'])
    const slot = slotsForMode(toshima, 'phone', settings(), '2026-11-25', 1, isJapaneseHoliday)[0]
    expect(slot).toEqual({ id: 'toshima-phone-20261125-0900', windowId: 'toshima', mode: 'phone', start: '2026-11-25T09:00:00+09:00', end: '2026-11-25T09:50:00+09:00' })
  })

  it('祝日（勤労感謝の日）と年末年始（12/29〜1/3）、休みにした日には枠がない', () => {
    expect(startsOn(settings(), '2026-11-23')).toEqual([])
    for (const date of ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']) expect(startsOn(settings({ rules: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '09:00', to: '12:00', minutes: 50, buffer: 10 }] }), date)).toEqual([])
    expect(startsOn(settings(), '2027-01-04')).toEqual(['09:00', '10:00', '11:00'])
    expect(startsOn(settings({ closedDates: ['2026-11-25'] }), '2026-11-25')).toEqual([])
  })

  it('特別に開ける日（文京区の休日相談の土曜）は、その日の時間で枠ができる。祝日でも開く', () => {
    const special = settings({ specialDays: [{ date: '2026-11-28', from: '13:00', to: '16:00', minutes: 60, buffer: 0 }, { date: '2026-11-23', from: '10:00', to: '11:00', minutes: 60, buffer: 0 }] })
    expect(startsOn(special, '2026-11-28', bunkyo)).toEqual(['13:00', '14:00', '15:00'])
    expect(startsOn(special, '2026-11-23', bunkyo)).toEqual(['10:00'])
    expect(startsOn(special, '2026-11-29', bunkyo)).toEqual([])
  })

  it('取り消した枠と日は作られない', () => {
    const slots = slotsForMode(toshima, 'phone', settings(), '2026-11-25', 2, isJapaneseHoliday, [
      { day: '2026-11-25', start: '2026-11-25T10:00:00+09:00' },
      { day: '2026-11-26', start: null },
    ])
    expect(slots.map((s) => s.start)).toEqual(['2026-11-25T09:00:00+09:00', '2026-11-25T11:00:00+09:00'])
  })
})

describe('最低限の予告（いまから予約できるいちばん早い時刻）', () => {
  const earliest = (at: string, s = settings()) => earliestBookable(toshima, s, tokyo(at), isJapaneseHoliday).getTime()

  it('窓口が開いている時間は、いまから2時間後より前の枠を出さない', () => {
    expect(earliest('2026-11-25T10:15:00')).toBe(tokyo('2026-11-25T12:15:00').getTime())
  })

  it('8:55 に 9:00 の枠は出ない（2時間の予告）', () => {
    const at = earliest('2026-11-25T08:55:00')
    expect(tokyo('2026-11-25T09:00:00').getTime()).toBeLessThan(at)
    expect(at).toBe(tokyo('2026-11-25T10:55:00').getTime())
  })

  it('閉まっている間は、次に開く時刻より前の枠を出さない（金曜の夜なら、祝日でない次の平日の朝から）', () => {
    const rulesAt8 = settings({ rules: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '12:00', minutes: 50, buffer: 10 }] })
    // 2026-11-20 is a Friday; Monday 11/23 is 勤労感謝の日: Toshima next opens Tuesday 8:30.
    expect(earliest('2026-11-20T22:00:00', rulesAt8)).toBe(tokyo('2026-11-24T08:30:00').getTime())
    expect(earliest('2026-11-25T03:00:00', rulesAt8)).toBe(tokyo('2026-11-25T08:30:00').getTime())
  })

  it('予告を0時間にすると、開いている間はいまから予約できる', () => {
    expect(earliest('2026-11-25T10:15:00', settings({ noticeHours: 0 }))).toBe(tokyo('2026-11-25T10:15:00').getTime())
  })

  it('受付時間のない窓口（文京区）は、そのモードの枠の時間を開いている時間とみなす', () => {
    const video = defaultModeAvailability(bunkyo, 'video')
    // Tuesday 2026-11-24 7:00 → video opens 10:00; 2 hours from 7:00 is 9:00: the later one wins.
    expect(earliestBookable(bunkyo, video, tokyo('2026-11-24T07:00:00'), isJapaneseHoliday).getTime()).toBe(tokyo('2026-11-24T10:00:00').getTime())
  })
})
