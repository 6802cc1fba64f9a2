import { configure, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { formatReceiptCode, generateReceiptCode } from '@/shared/crypto/receipt-code'
import { renderRoute } from '../../helpers/render-route'
import { useInProcessServer } from './in-process-server'

vi.setConfig({ testTimeout: 60_000 })
configure({ asyncUtilTimeout: 15_000 })

const server = useInProcessServer()

function withTypo(code: string): string {
  const last = Number(code[5])
  return `${code.slice(0, 5)}${(last + 1) % 10}${code.slice(6)}`
}

describe('受付番号で確かめる', () => {
  it('1けたの打ちまちがいは、何も送らずにその場で知らせる', async () => {
    const user = userEvent.setup()
    await renderRoute('/status')
    const input = await screen.findByRole('textbox', { name: '受付番号（16けた）' })
    server.fetchSpy.mockClear()
    await user.type(input, formatReceiptCode(withTypo(generateReceiptCode())))
    await user.click(screen.getByRole('button', { name: '確かめる' }))

    expect(input).toHaveAccessibleDescription(expect.stringContaining('番号のどこかがちがうようです'))
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(server.fetchSpy).not.toHaveBeenCalled()

    await user.clear(input)
    await user.type(input, '1234 5678')
    await user.click(screen.getByRole('button', { name: '確かめる' }))
    expect(input).toHaveAccessibleDescription(expect.stringContaining('16けたの数字を入れてください'))
    expect(server.fetchSpy).not.toHaveBeenCalled()
  })

  it('正しい形でも知らない番号は「見つかりませんでした」。入れた番号は紙と同じ4けたずつで見える', async () => {
    const user = userEvent.setup()
    await renderRoute('/status')
    const input = await screen.findByRole('textbox', { name: '受付番号（16けた）' })
    const code = generateReceiptCode()
    await user.type(input, code)
    await user.click(screen.getByRole('button', { name: '確かめる' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('この番号の予約は見つかりませんでした')
    expect(input).toHaveValue(`${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8, 12)} ${code.slice(12)}`)
    expect(server.requests).toContain('POST /api/requests/lookup')
  })
})
