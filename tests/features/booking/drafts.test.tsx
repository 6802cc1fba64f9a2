import { configure, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { wipeDeviceData } from '@/features/quick-exit/wipe-device-data'
import { WIPE_PLAN } from '@/features/quick-exit/wipe-plan'
import { DRAFTS_DB_NAME, getOutboxDb, OUTBOX_DB_NAME } from '@/lib/db'
import { renderRoute } from '../../helpers/render-route'
import { next } from './fill-booking'
import { useInProcessServer } from './in-process-server'

vi.setConfig({ testTimeout: 60_000 })
configure({ asyncUtilTimeout: 15_000 })

const server = useInProcessServer()

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name)

describe('下書きの保存（選んだときだけ）', () => {
  it('チェックを入れたときだけ下書きを残し、開き直すと戻る。すぐに閉じると下書きは消え、送信待ちの箱は残る', async () => {
    await getOutboxDb().envelopes.put({ id: 'waiting', lookupId: 'l', windowId: 'toshima', state: 'pending', createdAt: '', attempts: 0, body: {} as never, result: null, alternatives: [] })
    const user = userEvent.setup()
    const first = await renderRoute('/book')
    await user.click(await screen.findByRole('radio', { name: '自分のこと' }))
    await next(user)
    await user.type(screen.getByRole('textbox', { name: /ニックネーム/ }), 'したがき')
    expect(await databaseNames()).not.toContain(DRAFTS_DB_NAME)

    await user.click(screen.getByText('入力をこの端末に残したいとき'))
    await user.click(screen.getByRole('checkbox', { name: 'この端末に下書きを保存する' }))
    await vi.waitFor(async () => expect(await databaseNames()).toContain(DRAFTS_DB_NAME))
    first.unmount()

    await renderRoute('/book')
    expect(await screen.findByText('保存した下書きを読み込みました。')).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: '自分のこと' })).toBeChecked()
    await next(user)
    expect(screen.getByRole('textbox', { name: /ニックネーム/ })).toHaveValue('したがき')

    await wipeDeviceData(WIPE_PLAN)
    const names = await databaseNames()
    expect(names).not.toContain(DRAFTS_DB_NAME)
    expect(names).toContain(OUTBOX_DB_NAME)
  })
})
