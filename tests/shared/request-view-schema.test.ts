// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { openVideoLink, sealVideoLink } from '@/shared/crypto/video-link-seal'
import { encryptReply } from '@/shared/crypto/reply'
import { requestViewSchema } from '@/shared/schemas/requests'

const requestId = '0b6f3c1e-8d1a-4c55-9a0e-2f4f4b6c7d8e'
const replyKey = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')

const view = (video: unknown) => ({
  requestId,
  windowId: 'toshima',
  mode: 'video',
  status: 'booked',
  slot: null,
  messages: [],
  video,
  deleteAfter: '2027-06-01T00:00:00.000Z',
})

describe('照会の答えのビデオ通話リンク', () => {
  it('暗号のまま届き、リンクの文字そのものは受け取らない', async () => {
    expect(requestViewSchema.safeParse(view(await sealVideoLink(replyKey, requestId, 'https://meet.example.jp/tsunagu-room'))).success).toBe(true)
    expect(requestViewSchema.safeParse(view(null)).success).toBe(true)
    for (const bad of ['https://meet.example.jp/room', 'javascript:alert(1)', { v: 1 }]) {
      expect(requestViewSchema.safeParse(view(bad)).success, JSON.stringify(bad)).toBe(false)
    }
  })

  it('https のリンクだけを封じ、開くときも https でなければ出さない', async () => {
    for (const bad of ['javascript:alert(1)', 'http://meet.example.jp/room', 'data:text/html,hi', `https://meet.example.jp/${'a'.repeat(500)}`]) {
      await expect(sealVideoLink(replyKey, requestId, bad), bad).rejects.toThrow()
    }
    // A link sealed by someone holding the key but bypassing the check still does not come out.
    const sneaked = await encryptReply(replyKey, { v: 1, url: 'javascript:alert(1)' }, { requestId, messageId: 'video-link' })
    expect(await openVideoLink(replyKey, requestId, sneaked)).toBeNull()
    const reply = await encryptReply(replyKey, { v: 1, text: 'x', writtenAt: '2026-12-01T00:00:00.000Z' }, { requestId, messageId: 'video-link' })
    expect(await openVideoLink(replyKey, requestId, reply)).toBeNull()
  })
})
