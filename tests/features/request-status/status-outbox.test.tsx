import { configure, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { emptyAnswers } from '@/features/booking/booking-answers'
import { submitBooking } from '@/features/booking/submit-booking'
import { fetchPublicConfig, fetchSlots } from '@/lib/api'
import { getOutboxDb } from '@/lib/db'
import { formatReceiptCode } from '@/shared/crypto/receipt-code'
import { renderRoute } from '../../helpers/render-route'
import { useInProcessServer } from '../booking/in-process-server'

vi.setConfig({ testTimeout: 60_000 })
configure({ asyncUtilTimeout: 15_000 })

const server = useInProcessServer()

describe('/status と送信待ちの予約', () => {
  it('送る前に時間が取られていたら、そう伝えて次の空き時間を出し、選び直すと届く', async () => {
    const config = await fetchPublicConfig()
    const [slot] = await fetchSlots('toshima', 'phone')
    const answers = { ...emptyAnswers('toshima'), asker: 'self' as const, nickname: 'あおい', mode: 'phone' as const, slot: { kind: 'slot' as const, slot: slot! } }
    server.setOnline(false)
    const outcome = await submitBooking(answers, { config })
    expect(outcome.kind === 'sent' && outcome.delivery.kind).toBe('pending')
    const receipt = outcome.kind === 'sent' ? outcome.receipt : ''

    const now = new Date().toISOString()
    await server.store.createRequest({
      requestId: crypto.randomUUID(),
      windowId: 'toshima',
      mode: 'phone',
      slotId: slot!.id,
      lookupId: 'q'.repeat(43),
      authHash: 'r'.repeat(43),
      envelope: '{}',
      bodyHash: 'b',
      firstResponse: '{}',
      createdAt: now,
      deleteAfter: now,
    })
    server.setOnline(true)

    const user = userEvent.setup()
    await renderRoute('/status')
    await user.type(await screen.findByRole('textbox', { name: '受付番号（16けた）' }), formatReceiptCode(receipt))
    await user.click(screen.getByRole('button', { name: '確かめる' }))

    const notice = await screen.findByRole('region', { name: '時間を選び直してください' })
    expect(notice).toHaveTextContent('ほかの方が予約しました')
    const choices = within(notice).getAllByRole('radio')
    expect(choices.length).toBeGreaterThan(1)
    await user.click(choices[0]!)
    await user.click(within(notice).getByRole('button', { name: 'この時間で送る' }))

    const view = await screen.findByRole('region', { name: 'あなたの予約' })
    expect(view).toHaveTextContent('予約が決まっています')
    expect(screen.queryByRole('region', { name: '時間を選び直してください' })).not.toBeInTheDocument()
  })

  it('窓口が受け付けなかった予約は、受付番号で開くとそう伝え、この端末から消せる（「見つかりません」にしない）', async () => {
    const config = await fetchPublicConfig()
    const answers = { ...emptyAnswers('toshima'), asker: 'self' as const, nickname: 'あおい', mode: 'letter' as const }
    server.setOnline(false)
    const outcome = await submitBooking(answers, { config })
    const receipt = outcome.kind === 'sent' ? outcome.receipt : ''
    const [queued] = await getOutboxDb().envelopes.toArray()
    // Refused by the server in the background, as a stale app version's request would be.
    await getOutboxDb().envelopes.update(queued!.id, { state: 'rejected' })
    server.setOnline(true)

    const user = userEvent.setup()
    await renderRoute('/status')
    await user.type(await screen.findByRole('textbox', { name: '受付番号（16けた）' }), formatReceiptCode(receipt))
    await user.click(screen.getByRole('button', { name: '確かめる' }))
    const notice = await screen.findByRole('region', { name: '送れませんでした' })
    expect(notice).toHaveTextContent('もう一度予約するか、窓口に電話してください')
    await user.click(within(notice).getByRole('button', { name: 'この予約をこの端末から消す' }))
    expect(await within(notice).findByText('この端末から消しました。')).toBeInTheDocument()
    expect(await getOutboxDb().envelopes.count()).toBe(0)
  })
})
