import { configure, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { getOutboxDb, type OutboxEntry } from '@/lib/db'
import { makeBooking } from '../../server/helpers/make-request'
import { renderRoute } from '../../helpers/render-route'
import { useInProcessServer } from './in-process-server'

vi.setConfig({ testTimeout: 60_000 })
configure({ asyncUtilTimeout: 15_000 })

const server = useInProcessServer()

function entry(id: string, state: OutboxEntry['state'], extra: Partial<OutboxEntry> = {}): OutboxEntry {
  return { id, lookupId: `lookup-${id}`, windowId: 'toshima', state, createdAt: '2026-12-01T10:00:00+09:00', attempts: 1, body: null, result: null, alternatives: [], ...extra }
}

describe('うしろで起きたことを、どのページでも伝える', () => {
  it('まだ送れていない予約は「送信待ち」として数を出す', async () => {
    server.setOnline(false)
    await getOutboxDb().envelopes.put(entry('waiting', 'pending', { body: (await makeBooking()).body }))
    await renderRoute('/windows')
    expect(await screen.findByText(/まだ送れていない予約が1件あります。/)).toBeInTheDocument()
  })

  it('時間がうまって送れなかった予約は、消えずに「送れなかった」と出て、直す場所へのリンクがある', async () => {
    await getOutboxDb().envelopes.put(entry('taken', 'slotTaken', { body: (await makeBooking()).body }))
    await renderRoute('/windows')
    expect(await screen.findByText('送れなかった予約が1件あります。')).toBeInTheDocument()
    expect(screen.getByText(/選んだ時間が、送る前にほかの方の予約でうまりました。/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '受付番号を入れて、時間を選び直す' })).toHaveAttribute('href', '/status')
  })

  it('窓口が受け付けなかった予約は、もう一度予約するリンクと、端末から消すボタンを出す', async () => {
    const user = userEvent.setup()
    await getOutboxDb().envelopes.put(entry('bad', 'rejected', { body: (await makeBooking()).body }))
    await renderRoute('/windows')
    expect(await screen.findByText(/窓口が受け付けられませんでした。もう一度予約するか、窓口に電話してください。/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'もう一度予約する' })).toHaveAttribute('href', '/book')
    await user.click(screen.getByRole('button', { name: 'この予約をこの端末から消す' }))
    await waitFor(() => expect(screen.queryByText('送れなかった予約が1件あります。')).toBeNull())
    expect(await getOutboxDb().envelopes.count()).toBe(0)
  })

  it('確認の画面が出ていない間に届いた予約は「送りました」と伝え、端末からその記録を消す', async () => {
    const result = { requestId: crypto.randomUUID(), status: 'waiting' as const, slot: null, deleteAfter: '2027-06-01T00:00:00+09:00' }
    await getOutboxDb().envelopes.put(entry('sent', 'delivered', { result }))
    await renderRoute('/windows')
    expect(await screen.findByText(/送信待ちだった予約を送りました（1件）。/)).toBeInTheDocument()
    await waitFor(async () => expect(await getOutboxDb().envelopes.count()).toBe(0))
    expect(screen.getByText(/送信待ちだった予約を送りました（1件）。/)).toBeInTheDocument()
  })
})
