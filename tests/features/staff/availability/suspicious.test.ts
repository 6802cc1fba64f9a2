import { describe, expect, it } from 'vitest'
import { burstBookings } from '@/features/staff/availability/suspicious'
import type { StaffSlot } from '@/shared/schemas/availability'

const slot = (n: number, madeAt: string | null): StaffSlot => ({
  id: `toshima-phone-20261125-${String(900 + n).padStart(4, '0')}`,
  windowId: 'toshima',
  mode: 'phone',
  start: '2026-11-25T09:00:00+09:00',
  end: '2026-11-25T09:50:00+09:00',
  booking: madeAt ? { requestId: `00000000-0000-4000-8000-00000000000${n}`, createdAt: madeAt } : null,
})

describe('短い時間に続けて入った予約', () => {
  it('10分の間に3件以上の予約に印がつき、ばらばらの予約と空き枠にはつかない', () => {
    const slots = [
      slot(1, '2026-11-20T10:00:00Z'),
      slot(2, '2026-11-20T10:04:00Z'),
      slot(3, '2026-11-20T10:09:59Z'),
      slot(4, '2026-11-20T13:00:00Z'),
      slot(5, null),
    ]
    expect([...burstBookings(slots)].sort()).toEqual(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'])
  })

  it('2件だけなら、近くても印はつかない', () => {
    expect(burstBookings([slot(1, '2026-11-20T10:00:00Z'), slot(2, '2026-11-20T10:01:00Z')]).size).toBe(0)
  })
})
