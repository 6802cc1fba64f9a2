// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { requestViewSchema } from '@/shared/schemas/requests'

const view = (videoUrl: string | null) => ({
  requestId: '0b6f3c1e-8d1a-4c55-9a0e-2f4f4b6c7d8e',
  windowId: 'toshima',
  mode: 'video',
  status: 'booked',
  slot: null,
  messages: [],
  videoUrl,
  deleteAfter: '2027-06-01T00:00:00.000Z',
})

describe('照会の答えのビデオ通話リンク', () => {
  it('https だけを通し、javascript: や http: のリンクは受け取らない', () => {
    expect(requestViewSchema.safeParse(view('https://meet.example.jp/tsunagu-room')).success).toBe(true)
    expect(requestViewSchema.safeParse(view(null)).success).toBe(true)
    for (const bad of ['javascript:alert(1)', 'http://meet.example.jp/room', 'data:text/html,hi', `https://meet.example.jp/${'a'.repeat(500)}`]) {
      expect(requestViewSchema.safeParse(view(bad)).success, bad).toBe(false)
    }
  })
})
