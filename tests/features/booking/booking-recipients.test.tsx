import { configure, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { emptyAnswers } from '@/features/booking/booking-answers'
import { submitBooking } from '@/features/booking/submit-booking'
import { getOutboxDb } from '@/lib/db'
import { openEnvelope } from '@/shared/crypto/envelope'
import { generateCertificationKeyPair } from '@/shared/crypto/staff-certificate'
import { generateRecipientKeyPair } from '@/shared/crypto/window-keys'
import { envelopeSchema } from '@/shared/schemas/envelope'
import { certifiedStaffKey } from '../../helpers/test-deployment'
import { renderRoute } from '../../helpers/render-route'
import { fillUntilSlot } from './fill-booking'
import { startInProcessServer } from './in-process-server'

vi.setConfig({ testTimeout: 60_000 })
configure({ asyncUtilTimeout: 15_000 })

let server: Awaited<ReturnType<typeof startInProcessServer>> | null = null
beforeEach(() => getOutboxDb().envelopes.clear())
afterEach(() => server?.close())

const answers = { ...emptyAnswers('toshima'), asker: 'self' as const, nickname: 'ねこ', mode: 'letter' as const, slot: { kind: 'later' as const } }

function postedEnvelopes() {
  const posted = server!.fetchSpy.mock.calls.filter(([input, init]) => init?.method === 'POST' && String(input).endsWith('/api/requests'))
  return posted.map((call) => envelopeSchema.parse(JSON.parse(String(call[1]!.body)).envelope))
}

describe('公開フォームは、固定した鍵で確かめた相手にだけ封をする', () => {
  it('証明書のない鍵・偽の証明書・別の窓口の証明書の鍵、API が出す別の予備鍵には封をしない', async () => {
    const impostor = await generateRecipientKeyPair()
    server = await startInProcessServer({
      // The API publishes a recovery key of its own choosing: the page must use the pinned one.
      serve: (d) => ({ ...d, windows: d.windows.map((w) => ({ ...w, recoveryKey: { keyId: impostor.keyId, publicKey: impostor.publicKey, fingerprint: impostor.fingerprint } })) }),
    })
    const pinned = server.test.keys.get('toshima')!
    const rogueCertification = await generateCertificationKeyPair()
    const forged = await certifiedStaffKey(rogueCertification, 'toshima')
    const otherWindow = await certifiedStaffKey(server.test.keys.get('bunkyo')!.certification, 'bunkyo')
    const bare = await generateRecipientKeyPair()
    // Rows written straight into the store, as someone with write access to the database could.
    await server.store.addWindowKey(forged.key)
    await server.store.addWindowKey({ ...otherWindow.key, windowId: 'toshima' })
    await server.store.addWindowKey({ keyId: bare.keyId, windowId: 'toshima', kind: 'staff', publicKey: bare.publicKey, fingerprint: bare.fingerprint, createdAt: new Date().toISOString() })
    await server.store.addWindowKey({ ...forged.key, keyId: (await generateRecipientKeyPair()).keyId })

    const outcome = await submitBooking(answers, {})
    // This server expects its own recovery key, not the pinned one: it refuses, the page seals again
    // once with fresh keys (to the same pinned set) and then gives up. No impostor key is ever used.
    expect(outcome).toMatchObject({ kind: 'sent', delivery: { kind: 'rejected', error: 'errors.recipientsChanged' } })
    const envelopes = postedEnvelopes()
    expect(envelopes).toHaveLength(2)
    const envelope = envelopes[0]!
    const staff = server.staff.get('toshima')!
    for (const sent of envelopes) expect(sent.recipients.map((r) => r.keyId)).toEqual([staff.keyId, pinned.recovery.keyId])

    // Both real readers can open it: the certified staff member and the window's pinned recovery key.
    const requestId = envelope.requestId
    const bound = { requestId, windowId: 'toshima', kind: 'request' as const, messageId: requestId }
    expect(await openEnvelope(envelope, staff, bound)).toMatchObject({ nickname: 'ねこ' })
    expect(await openEnvelope(envelope, pinned.recovery, bound)).toMatchObject({ nickname: 'ねこ' })
  })

  it('確かめられる職員の鍵がない窓口には何も送らない', async () => {
    server = await startInProcessServer({ certified: ['bunkyo'] })
    const forged = await certifiedStaffKey(await generateCertificationKeyPair(), 'toshima')
    await server.store.addWindowKey(forged.key)
    expect(await submitBooking(answers, {})).toEqual({ kind: 'notReady' })
    expect(server.requests.filter((r) => r.startsWith('POST'))).toEqual([])
    expect(await getOutboxDb().envelopes.count()).toBe(0)
  })
})

describe('/book: ネットの予約がまだ始まっていない窓口', () => {
  it('どの窓口にも確かめられる鍵がなければ、フォームの代わりにそう伝えて電話番号を出す', async () => {
    server = await startInProcessServer({ certified: [] })
    await renderRoute('/book')
    const notice = await screen.findByRole('region', { name: 'ネットの予約は、まだ始まっていません' })
    expect(notice).toHaveTextContent('豊島区ひきこもり相談窓口は、まだネットの予約を受け付けていません。電話で相談できます。')
    expect(within(notice).getByRole('link', { name: '03-4566-2427' })).toHaveAttribute('href', 'tel:0345662427')
    expect(notice).toHaveTextContent('文京区ひきこもり支援センターは、まだネットの予約を受け付けていません')
    expect(notice).toHaveTextContent('電話番号は準備中です。')
    expect(screen.queryByRole('button', { name: '次へ' })).toBeNull()
    expect(server.requests.filter((r) => r.startsWith('POST'))).toEqual([])
  })

  it('やさしい日本語でも、ふりがな付きで伝える', async () => {
    server = await startInProcessServer({ certified: [] })
    await renderRoute('/book', 'ja-easy')
    const notice = await screen.findByRole('region', { name: /インターネットの 予約.*は、まだ できません/ })
    expect(notice).toHaveTextContent(/豊島区.*は、まだ インターネットの 予約.*が できません/)
    expect(within(notice).getByRole('link', { name: '03-4566-2427' })).toBeInTheDocument()
    expect([...notice.querySelectorAll('ruby rt')].map((rt) => rt.textContent)).toEqual(expect.arrayContaining(['としまく', 'よやく', 'でんわ']))
  })

  it('選んだ窓口だけが閉じていれば、その窓口のことを伝え、窓口の質問から先へ進めない', async () => {
    server = await startInProcessServer({ certified: ['bunkyo'] })
    const user = userEvent.setup()
    await renderRoute('/book?window=toshima')
    const notice = await screen.findByRole('region', { name: 'ネットの予約は、まだ始まっていません' })
    expect(notice).toHaveTextContent('豊島区ひきこもり相談窓口は、まだネットの予約を受け付けていません。')
    expect(notice).not.toHaveTextContent('文京区')
    await fillUntilSlot(user, 'ねこ')
    expect(screen.getByRole('heading', { name: 'どこの窓口に相談しますか？' })).toBeInTheDocument()
    expect(screen.getByText('この窓口は、いまネットの予約を受け付けていません')).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: /文京区/ }))
    expect(screen.queryByRole('region', { name: 'ネットの予約は、まだ始まっていません' })).toBeNull()
    expect(server.requests.filter((r) => r.startsWith('POST'))).toEqual([])
  })
})
