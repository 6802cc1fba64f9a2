import { configure, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { getOutboxDb, OUTBOX_DB_NAME } from '@/lib/db'
import { renderRoute } from '../../helpers/render-route'
import { finishAndSend, fillUntilSlot, next, pickFirstSlot } from './fill-booking'
import { useInProcessServer } from './in-process-server'

vi.setConfig({ testTimeout: 60_000 })
configure({ asyncUtilTimeout: 15_000 })

const server = useInProcessServer()

async function rawOutboxRecords(): Promise<unknown[]> {
  return getOutboxDb().envelopes.toArray()
}

describe('送信と送信待ち（アウトボックス）', () => {
  it('オフラインで送ると、暗号文だけを端末に残し、オンラインに戻ると一度だけ届ける', async () => {
    const user = userEvent.setup()
    const marker = 'MARKER-みかん-7f3a'
    await renderRoute('/book')
    await fillUntilSlot(user, marker)
    await pickFirstSlot(user)
    server.setOnline(false)
    await finishAndSend(user, `${marker} メッセージ本文`)

    expect(await screen.findByRole('heading', { name: '送信待ちです' })).toBeInTheDocument()
    const region = screen.getByRole('region', { name: '受付番号' })
    const shown = [...region.querySelectorAll('p')].map((p) => p.textContent ?? '').find((t) => /\d{4} \d{4} \d{4} \d{4}/.test(t))
    const receipt = (shown ?? '').replace(/\D/g, '').slice(-16)
    expect(receipt).toMatch(/^\d{16}$/)

    const records = await rawOutboxRecords()
    expect(records).toHaveLength(1)
    const stored = JSON.stringify(records)
    expect(stored).toContain('"ciphertext"')
    expect(stored).not.toContain(marker)
    expect(stored).not.toContain('メッセージ本文')
    expect(stored).not.toContain(receipt)
    // No plaintext draft database was created, because the person did not opt in.
    const names = (await indexedDB.databases()).map((d) => d.name)
    expect(names).toContain(OUTBOX_DB_NAME)
    expect(names).not.toContain('tsunagu-drafts')

    const [queued] = records as Array<{ lookupId: string; body: { slotId: string } }>
    server.setOnline(true)
    window.dispatchEvent(new Event('online'))
    expect(await screen.findByRole('heading', { name: '予約が決まりました' })).toBeInTheDocument()
    window.dispatchEvent(new Event('online'))

    // Its confirmation has been shown: nothing about it stays on the device.
    await waitFor(async () => expect(await rawOutboxRecords()).toHaveLength(0))
    const onServer = await server.findByLookup(queued!.lookupId)
    expect(onServer?.status).toBe('booked')
    expect((await server.store.getSlot(queued!.body.slotId))?.booked).toBe(true)
    // Offline, the attempt stopped at the proof-of-work challenge; online, exactly one booking reached the server.
    expect(server.requests.filter((r) => r === 'POST /api/requests')).toHaveLength(1)
    expect(server.requests.filter((r) => r === 'POST /api/requests/challenge').length).toBeGreaterThanOrEqual(2)
  })

  it('その時間が先に取られたら（409）、時間の質問に戻り、ほかの答えは残る', async () => {
    const user = userEvent.setup()
    await renderRoute('/book')
    await fillUntilSlot(user, 'ねこ')
    const picked = await pickFirstSlot(user)
    const slotId = (picked as HTMLInputElement).value
    const other = crypto.randomUUID()
    const now = new Date().toISOString()
    await server.store.createRequest({
      requestId: other,
      windowId: 'toshima',
      mode: 'phone',
      slotId,
      lookupId: 'x'.repeat(43),
      authHash: 'y'.repeat(43),
      envelope: '{}',
      bodyHash: 'z',
      firstResponse: '{}',
      createdAt: now,
      deleteAfter: now,
    })
    await finishAndSend(user, '')

    expect(await screen.findByText(/選んだ時間は、ほかの方が先に予約しました/)).toBeInTheDocument()
    expect(screen.getByText('7問中 5問目')).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('heading', { name: 'いつがいいですか？' })).toHaveFocus())
    expect(await rawOutboxRecords()).toHaveLength(0)
    await user.click(screen.getByRole('button', { name: '戻る' }))
    await user.click(screen.getByRole('button', { name: '戻る' }))
    await user.click(screen.getByRole('button', { name: '戻る' }))
    expect(screen.getByRole('textbox', { name: /ニックネーム/ })).toHaveValue('ねこ')
    await next(user)
  })
})
