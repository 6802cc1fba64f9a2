import { describe, expect, it } from 'vitest'
import { eventIcs } from '@/features/resource-map/ics'
import type { Place } from '@/shared/schemas/places'

const place = { id: 'p', location: { lat: 35.708, lng: 139.7525, approximate: true } } as Place
const source = { document: '資料', date: '2025' }

describe('.ics', () => {
  it('時刻のある催しは Asia/Tokyo の VTIMEZONE つきで書く', () => {
    const ics = eventIcs({ id: 'e1', placeId: 'p', title: { ja: 'x' }, date: '2026-06-21', start: '14:00', end: '16:00', source }, place, { title: '講演会, 家族向け', location: '文京区', description: '一行目\n二行目' }, new Date('2026-11-22T00:00:00Z'))
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n')
    expect(ics).toContain('TZOFFSETTO:+0900')
    expect(ics).toContain('DTSTART;TZID=Asia/Tokyo:20260621T140000\r\nDTEND;TZID=Asia/Tokyo:20260621T160000')
    expect(ics).toContain('SUMMARY:講演会\\, 家族向け')
    expect(ics).toContain('DESCRIPTION:一行目\\n二行目')
    expect(ics).toContain('DTSTAMP:20261122T000000Z')
  })

  it('時刻がなければ終日の予定にする', () => {
    const ics = eventIcs({ id: 'e2', placeId: 'p', title: { ja: 'x' }, date: '2026-01-31', source }, place, { title: '女子会', location: '', description: '' }, new Date())
    expect(ics).toContain('DTSTART;VALUE=DATE:20260131\r\nDTEND;VALUE=DATE:20260201')
  })

  it('長い行は 75 オクテットで折り返し、文字を割らない', () => {
    const ics = eventIcs({ id: 'e3', placeId: 'p', title: { ja: 'x' }, date: '2026-01-31', source }, place, { title: 'あ'.repeat(60), location: '', description: '' }, new Date())
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(ics.replace(/\r\n /g, '')).toContain(`SUMMARY:${'あ'.repeat(60)}`)
  })
})
