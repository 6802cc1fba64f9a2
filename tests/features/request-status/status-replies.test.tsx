import { configure, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { emptyAnswers } from '@/features/booking/booking-answers'
import { submitBooking } from '@/features/booking/submit-booking'
import { getOutboxDb } from '@/lib/db'
import { openEnvelope } from '@/shared/crypto/envelope'
import { encryptReply } from '@/shared/crypto/reply'
import { bookingPayloadSchema } from '@/shared/schemas/booking-payload'
import { envelopeSchema } from '@/shared/schemas/envelope'
import { followUpPayloadSchema } from '@/shared/schemas/staff'
import { renderRoute } from '../../helpers/render-route'
import { useInProcessServer } from '../booking/in-process-server'

vi.setConfig({ testTimeout: 60_000 })
configure({ asyncUtilTimeout: 15_000 })

const server = useInProcessServer()

describe('/status: 返事・追加のメッセージ・取り消し', () => {
  it('窓口の返事を端末で復号して見せ、追加のメッセージを送り、予約を取り消せる', async () => {
    const answers = { ...emptyAnswers('toshima'), asker: 'family' as const, relation: 'parent' as const, nickname: 'はは', mode: 'letter' as const, slot: { kind: 'later' as const } }
    const outcome = await submitBooking(answers, {})
    if (outcome.kind !== 'sent' || outcome.delivery.kind !== 'delivered') throw new Error('booking was not delivered')

    // What a staff browser does: open the envelope with its private key, reply with the reply key inside.
    const lookupId = (await getOutboxDb().envelopes.get(outcome.requestId))!.lookupId
    const posted = server.fetchSpy.mock.calls.find(([, init]) => init?.method === 'POST')
    const envelope = envelopeSchema.parse(JSON.parse(String(posted![1]!.body)).envelope)
    const staff = server.staff.get('toshima')!
    const requestId = outcome.requestId
    const payload = bookingPayloadSchema.parse(await openEnvelope(envelope, staff, { requestId, windowId: 'toshima', kind: 'request', messageId: requestId }))
    expect(payload.nickname).toBe('はは')
    const sentAt = new Date().toISOString()
    const replyId = crypto.randomUUID()
    const reply = await encryptReply(payload.replyKey, { v: 1, text: 'ご連絡ありがとうございます。お話を聞かせてください。', writtenAt: sentAt }, { requestId, messageId: replyId })
    await server.store.addMessage(requestId, { id: replyId, from: 'staff', sentAt, envelope: JSON.stringify(reply) }, sentAt, sentAt)
    // The server moves a reply of this request under another message id: the page does not show it as a reply.
    const moved = await encryptReply(payload.replyKey, { v: 1, text: '付け替えられた返事', writtenAt: sentAt }, { requestId, messageId: replyId })
    await server.store.addMessage(requestId, { id: crypto.randomUUID(), from: 'staff', sentAt, envelope: JSON.stringify(moved) }, sentAt, sentAt)

    const user = userEvent.setup()
    await renderRoute('/status')
    await user.type(await screen.findByRole('textbox', { name: '受付番号（16けた）' }), outcome.receipt)
    await user.click(screen.getByRole('button', { name: '確かめる' }))
    const view = await screen.findByRole('region', { name: 'あなたの予約' })
    expect(await within(view).findByText('ご連絡ありがとうございます。お話を聞かせてください。')).toBeInTheDocument()
    expect(within(view).queryByText('付け替えられた返事')).toBeNull()
    expect(within(view).getAllByText('このメッセージは読めませんでした。')).toHaveLength(1)
    expect(view).toHaveTextContent(/ごろに、書いた内容を消します。 やりとりのないまま180日たつと消します。/)

    await user.type(within(view).getByRole('textbox', { name: 'メッセージ' }), '来週なら話せそうです')
    await user.click(within(view).getByRole('button', { name: '送る' }))
    expect(await within(view).findByText('送りました。')).toBeInTheDocument()
    const messages = await server.store.messages(outcome.requestId)
    const mine = messages.find((m) => m.from === 'person')!
    expect(mine.envelope).not.toContain('来週')
    const followUp = followUpPayloadSchema.parse(
      await openEnvelope(envelopeSchema.parse(JSON.parse(mine.envelope)), staff, { requestId, windowId: 'toshima', kind: 'followUp', messageId: mine.id }),
    )
    expect(followUp.text).toBe('来週なら話せそうです')

    await user.click(within(view).getByRole('button', { name: '予約を取り消す' }))
    await user.click(within(view).getByRole('button', { name: '取り消す' }))
    expect(await within(view).findByText('取り消しました')).toBeInTheDocument()
    expect((await server.findByLookup(lookupId))?.status).toBe('cancelled')
  })
})
