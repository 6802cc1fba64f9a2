import { configure, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { getOutboxDb } from '@/lib/db'
import { startOutboxSync } from '@/lib/outbox'
import { sealEnvelope } from '@/shared/crypto/envelope'
import { makeBooking } from '../../server/helpers/make-request'
import { renderRoute } from '../../helpers/render-route'
import { useInProcessServer } from './in-process-server'

vi.setConfig({ testTimeout: 60_000 })
configure({ asyncUtilTimeout: 15_000 })

const server = useInProcessServer()

describe('ネットはつながっているのに、サーバーが答えないとき', () => {
  it('送信待ちの予約は、ページを開いたまま待てば、あとで自分で送り直して「送りました」になる（online の合図なしで）', async () => {
    // The app's own schedule is 15 s, 30 s, … ; shortened here so the test does not sit and wait.
    startOutboxSync({ retryDelaysMs: [300, 600] })
    server.setOnline(false)
    const booking = await makeBooking()
    // Sealed to this server's window keys, as the form would have done before the send failed.
    const recipients = [server.staff.get('toshima')!, server.test.keys.get('toshima')!.recovery].map((k) => ({ keyId: k.keyId, publicKey: k.publicKey }))
    booking.body.envelope = await sealEnvelope({ requestId: booking.requestId, windowId: 'toshima', kind: 'request', messageId: booking.requestId, payload: { v: 1, nickname: 'まつひと' }, recipients })
    await getOutboxDb().envelopes.put({ id: booking.requestId, lookupId: booking.body.lookupId, windowId: 'toshima', state: 'pending', createdAt: new Date().toISOString(), attempts: 1, body: booking.body, result: null, alternatives: [] })
    await renderRoute('/windows')
    expect(await screen.findByText(/まだ送れていない予約が1件あります。/)).toBeInTheDocument()

    const posts = () => server.requests.filter((r) => r === 'POST /api/requests').length
    const triedWhileDown = posts()
    server.setOnline(true)
    expect(await screen.findByText(/送信待ちだった予約を送りました（1件）。/)).toBeInTheDocument()
    expect(posts()).toBe(triedWhileDown + 1)
    expect(screen.queryByText(/まだ送れていない予約/)).toBeNull()
  })
})
