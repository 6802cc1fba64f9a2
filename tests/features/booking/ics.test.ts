import { describe, expect, it } from 'vitest'
import { bookingIcs } from '@/features/booking/ics'

const slot = { id: 's1', windowId: 'toshima', mode: 'visit' as const, start: '2026-11-24T10:00:00+09:00', end: '2026-11-24T10:50:00+09:00' }

describe('予約の .ics', () => {
  const ics = bookingIcs(slot, '相談（豊島区ひきこもり相談窓口）', '豊島区役所 本庁舎4階 福祉総務課（豊島区南池袋2-45-1）', new Date('2026-11-22T05:00:00Z'))

  it('Asia/Tokyo の VTIMEZONE と、東京の時刻で書いた開始・終了を持つ', () => {
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n')
    expect(ics).toContain('TZOFFSETTO:+0900')
    expect(ics).toContain('DTSTART;TZID=Asia/Tokyo:20261124T100000\r\n')
    expect(ics).toContain('DTEND;TZID=Asia/Tokyo:20261124T105000\r\n')
    expect(ics).toContain('DTSTAMP:20261122T050000Z\r\n')
  })

  it('行は CRLF で、75オクテットを超える行は文字の途中で切らずに折り返す', () => {
    expect(ics.endsWith('\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n')
    const encoder = new TextEncoder()
    for (const line of ics.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75)
    const unfolded = ics.replace(/\r\n /g, '')
    expect(unfolded).toContain('LOCATION:豊島区役所 本庁舎4階 福祉総務課（豊島区南池袋2-45-1）')
    expect(unfolded).toContain('SUMMARY:相談（豊島区ひきこもり相談窓口）')
  })

  it('時間と窓口のほかは入れない（UID は予約と結びつかない乱数）', () => {
    const again = bookingIcs(slot, 'x', null)
    const uid = (text: string) => /UID:(.+)/.exec(text)?.[1]
    expect(uid(ics)).not.toBe(uid(again))
    expect(ics).not.toContain('s1')
    expect(again).not.toContain('LOCATION')
  })
})
