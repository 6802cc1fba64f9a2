import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ReplyNoticeForReceipt } from '@/features/request-status/reply-notice-for-receipt'
import { changeLanguage } from '@/lib/i18n'
import { NOTICE_DB_NAME } from '@/lib/notice-names'
import { isWatching } from '@/lib/reply-notice'
import { generateReceiptCode } from '@/shared/crypto/receipt-code'
import { deriveReceiptKeys } from '@/shared/crypto/receipt-keys'
import { deployment } from '@/lib/deployment'

vi.setConfig({ testTimeout: 30_000 })

const databases = async () => (await indexedDB.databases()).map((d) => d.name)

describe('予約のあとの画面の「この端末で返事を知らせる」', () => {
  it('はじめはオフで何も保存しない。オンで受付番号ではなく照会用の鍵だけ、オフに戻すとデータベースごと消える', async () => {
    await changeLanguage('ja')
    const receipt = generateReceiptCode()
    const user = userEvent.setup()
    render(<ReplyNoticeForReceipt receipt={receipt} />)
    const toggle = await screen.findByRole('checkbox', { name: 'この端末で返事を知らせる' }, { timeout: 15_000 })
    expect(toggle).not.toBeChecked()
    expect(await databases()).not.toContain(NOTICE_DB_NAME)

    await user.click(toggle)
    const { lookupId } = await deriveReceiptKeys(receipt, deployment.id)
    await vi.waitFor(async () => expect(await isWatching(lookupId)).toBe(true))

    await user.click(toggle)
    await vi.waitFor(async () => expect(await databases()).not.toContain(NOTICE_DB_NAME))
  })
})
