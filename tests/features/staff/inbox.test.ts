import { describe, expect, it } from 'vitest'
import { openCase, openMessages } from '@/features/staff/inbox/decrypt-case'
import { emptyFilter, filterCases } from '@/features/staff/inbox/filter-cases'
import { fingerprintDigits } from '@/features/staff/keys/fingerprint-words'
import { sealEnvelope } from '@/shared/crypto/envelope'
import { encryptReply } from '@/shared/crypto/reply'
import { generateRecipientKeyPair, type RecipientKeyPair } from '@/shared/crypto/window-keys'
import type { BookingPayload } from '@/shared/schemas/booking-payload'
import type { CaseSummary } from '@/shared/schemas/staff'

const replyKey = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')

function payload(part: Partial<BookingPayload>): BookingPayload {
  return {
    v: 1, asker: 'self', relation: null, nickname: 'みどり', ageGroup: '20s', mode: 'phone', concerns: [], mainConcern: null,
    message: '', contact: { kind: 'none' }, replyKey, writtenAt: '2026-12-01T10:00:00+09:00', ...part,
  }
}

async function sealedCase(key: RecipientKeyPair, plain: BookingPayload, part: Partial<CaseSummary> = {}): Promise<CaseSummary> {
  const requestId = crypto.randomUUID()
  const envelope = await sealEnvelope({ requestId, windowId: 'toshima', kind: 'request', messageId: requestId, payload: plain, recipients: [key] })
  return { requestId, windowId: 'toshima', mode: plain.mode, status: 'received', slot: null, createdAt: '2026-12-01T01:00:00.000Z', updatedAt: '2026-12-01T01:00:00.000Z', envelope, unreadFollowUps: 0, video: null, origin: 'online', ...part }
}

describe('職員の一覧: 端末で開き、メモリの中だけでしぼりこむ', () => {
  it('自分の鍵で開けた相談は、状態・話し方・相談する人・日付・言葉でしぼれる', async () => {
    const key = await generateRecipientKeyPair()
    const cases = await Promise.all([
      sealedCase(key, payload({ nickname: 'はなのはは', asker: 'family', relation: 'parent', message: '息子が部屋から出てきません' })),
      sealedCase(key, payload({ nickname: 'そら', mode: 'video', message: '仕事のこと' }), { status: 'closed', mode: 'video' }),
      sealedCase(key, payload({ nickname: 'かぜ' }), { createdAt: '2026-11-01T01:00:00.000Z' }),
    ]).then((all) => Promise.all(all.map((c) => openCase(c, key))))
    const names = (filter: Partial<typeof emptyFilter>) => filterCases(cases, { ...emptyFilter, ...filter }).map((c) => c.payload?.nickname)
    expect(names({})).toEqual(['はなのはは', 'かぜ'])
    expect(names({ status: 'all' })).toEqual(['はなのはは', 'そら', 'かぜ'])
    expect(names({ status: 'closed' })).toEqual(['そら'])
    expect(names({ status: 'all', mode: 'video' })).toEqual(['そら'])
    expect(names({ asker: 'family' })).toEqual(['はなのはは'])
    expect(names({ from: '2026-11-15' })).toEqual(['はなのはは'])
    expect(names({ search: '部屋' })).toEqual(['はなのはは'])
    expect(names({ search: 'はは 息子' })).toEqual(['はなのはは'])
  })

  it('ほかの鍵に封をした相談は開けず、中身なしで一覧に残る（消えない）', async () => {
    const mine = await generateRecipientKeyPair()
    const colleague = await generateRecipientKeyPair()
    const opened = await openCase(await sealedCase(colleague, payload({})), mine)
    expect(opened.payload).toBeNull()
    expect(filterCases([opened], emptyFilter)).toHaveLength(1)
  })

  it('返事は返信鍵で、追加のメッセージは窓口の鍵で開く。別の相談に動かされたものは読めない', async () => {
    const key = await generateRecipientKeyPair()
    const summary = await sealedCase(key, payload({}))
    const opened = await openCase(summary, key)
    const replyId = crypto.randomUUID()
    const followId = crypto.randomUUID()
    const moved = crypto.randomUUID()
    const messages = [
      { id: replyId, kind: 'reply' as const, sentAt: '2026-12-01T02:00:00.000Z', authorId: 'staff-0001', envelope: await encryptReply(replyKey, { v: 1, text: 'お電話します', writtenAt: '2026-12-01T02:00:00.000Z' }, { requestId: summary.requestId, messageId: replyId }) },
      { id: followId, kind: 'followUp' as const, sentAt: '2026-12-01T03:00:00.000Z', authorId: null, envelope: await sealEnvelope({ requestId: summary.requestId, windowId: 'toshima', kind: 'followUp', messageId: followId, payload: { v: 1, text: '夕方なら', writtenAt: '2026-12-01T03:00:00.000Z' }, recipients: [key] }) },
      // Sealed for another message id: the server moved it here.
      { id: moved, kind: 'followUp' as const, sentAt: '2026-12-01T04:00:00.000Z', authorId: null, envelope: await sealEnvelope({ requestId: summary.requestId, windowId: 'toshima', kind: 'followUp', messageId: crypto.randomUUID(), payload: { v: 1, text: 'x', writtenAt: '2026-12-01T04:00:00.000Z' }, recipients: [key] }) },
    ]
    const texts = await openMessages({ ...summary, messages }, opened.payload, key)
    expect(texts.map((m) => m.text)).toEqual(['お電話します', '夕方なら', null])
  })

  it('鍵の番号は、読み上げやすい5けた×8つ', () => {
    expect(fingerprintDigits('0000 ffff 1a2b 0001 8000 7fff abcd 00ff')).toEqual(['00000', '65535', '06699', '00001', '32768', '32767', '43981', '00255'])
  })
})
