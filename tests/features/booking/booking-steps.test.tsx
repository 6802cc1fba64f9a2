import { configure, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderRoute } from '../../helpers/render-route'
import { fillUntilSlot } from './fill-booking'
import { useInProcessServer } from './in-process-server'

// The shared machine is slow to load lazy routes and run PBKDF2; nothing here measures time.
vi.setConfig({ testTimeout: 60_000 })
configure({ asyncUtilTimeout: 10_000 })

const server = useInProcessServer()

async function next(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: '次へ' }))
}

describe('予約フォームのステップ', () => {
  it('7問中の何問目かを示し、戻っても答えが残る（家族の場合は家族向けの言葉）', async () => {
    const user = userEvent.setup()
    await renderRoute('/book')
    expect(await screen.findByText('7問中 1問目')).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: '家族のこと' }))
    // Asked from the side of the one filling in: a mother asking about her son is the parent.
    expect(screen.getByRole('group', { name: 'あなたは、その方の何にあたりますか？' })).toHaveAccessibleDescription(/息子さんのことで相談するお母さんは「親」/)
    await user.click(screen.getByRole('radio', { name: '親（わたしは、その方の父か母です）' }))
    await next(user)

    const heading = await screen.findByRole('heading', { name: '相談するあなたを、何と呼べばいいですか？' })
    await waitFor(() => expect(heading).toHaveFocus())
    expect(screen.getByText('7問中 2問目')).toBeInTheDocument()
    expect(screen.getByRole('group', { name: /ご家族（相談したい方）の年代/ })).toBeInTheDocument()
    await user.type(screen.getByRole('textbox', { name: /ニックネーム/ }), 'みかん🍊')
    await user.click(screen.getByRole('radio', { name: '20代' }))
    await next(user)

    expect(await screen.findByText('7問中 3問目')).toBeInTheDocument()
    expect(screen.getByText(/ご家族だけの相談で大丈夫です/)).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: /電話/ }))
    await user.click(screen.getByRole('button', { name: '戻る' }))

    expect(screen.getByRole('textbox', { name: /ニックネーム/ })).toHaveValue('みかん🍊')
    expect(screen.getByRole('radio', { name: '20代' })).toBeChecked()
    await user.click(screen.getByRole('button', { name: '戻る' }))
    expect(screen.getByRole('radio', { name: '家族のこと' })).toBeChecked()
    expect(screen.getByRole('radio', { name: '親（わたしは、その方の父か母です）' })).toBeChecked()
    await next(user)
    await next(user)
    expect(screen.getByRole('radio', { name: /電話/ })).toBeChecked()
  })

  it('選ばずに進むと、訳されたエラーを示し、欄に結びつける', async () => {
    const user = userEvent.setup()
    await renderRoute('/book')
    await screen.findByText('7問中 1問目')
    await next(user)
    const error = screen.getByText('ひとつ選んでください')
    const self = screen.getByRole('radio', { name: '自分のこと' })
    expect(self).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByRole('group', { name: 'どなたのことですか？' })).toHaveAttribute('aria-describedby', expect.stringContaining(error.id))
    expect(screen.getByText('7問中 1問目')).toBeInTheDocument()

    await user.click(self)
    await next(user)
    await next(user)
    const nickname = screen.getByRole('textbox', { name: /ニックネーム/ })
    expect(nickname).toHaveAttribute('aria-invalid', 'true')
    expect(nickname).toHaveAccessibleDescription(expect.stringContaining('ニックネームを書いてください'))
    expect(nickname).not.toHaveAttribute('placeholder')

    await user.type(nickname, '🐱'.repeat(31))
    await next(user)
    expect(nickname).toHaveAccessibleDescription(expect.stringContaining('ニックネームは30文字までにしてください'))
    await user.clear(nickname)
    await user.type(nickname, '🐱'.repeat(30))
    await next(user)
    expect(await screen.findByText('7問中 3問目')).toBeInTheDocument()
  })

  it('?window= で窓口が選ばれた状態で始まる', async () => {
    const user = userEvent.setup()
    await renderRoute('/book?window=bunkyo&src=flyer-2026')
    await user.click(await screen.findByRole('radio', { name: '自分のこと' }))
    await next(user)
    await user.type(screen.getByRole('textbox', { name: /ニックネーム/ }), 'そら')
    await next(user)
    await user.click(screen.getByRole('radio', { name: /来所/ }))
    await next(user)
    const windows = screen.getByRole('group', { name: 'どこの窓口に相談しますか？' })
    expect(within(windows).getByRole('radio', { name: /文京区ひきこもり支援センター/ })).toBeChecked()
    expect(within(windows).getByText(/広域連携/)).toBeInTheDocument()
  })

  it('空いている時間はまず3日分。「ほかの日も見る」で残りの日が出て、その最初の時間に移る。あとの日を選んで戻っても見えている', async () => {
    const user = userEvent.setup()
    await renderRoute('/book')
    await fillUntilSlot(user, 'そら')
    const day = { name: /^\d+月\d+日（.）$/ }
    expect(await screen.findAllByRole('group', day)).toHaveLength(3)
    const more = screen.getByRole('button', { name: /^ほかの日も見る（あと\d+日）$/ })
    const hidden = Number(more.textContent?.match(/あと(\d+)日/)?.[1])
    expect(hidden).toBeGreaterThan(0)

    await user.click(more)
    const days = screen.getAllByRole('group', day)
    expect(days).toHaveLength(3 + hidden)
    expect(screen.queryByRole('button', { name: /ほかの日も見る/ })).not.toBeInTheDocument()
    await waitFor(() => expect(within(days[3]!).getAllByRole('radio')[0]).toHaveFocus())

    const lastDay = days.at(-1)!
    const lastDayName = lastDay.querySelector('legend')?.textContent ?? ''
    await user.click(within(lastDay).getAllByRole('radio')[0]!)
    await next(user)
    await screen.findByText('7問中 6問目')
    await user.click(screen.getByRole('button', { name: '戻る' }))
    const again = await screen.findByRole('group', { name: lastDayName })
    expect(within(again).getAllByRole('radio')[0]).toBeChecked()
    expect(screen.queryByRole('button', { name: /ほかの日も見る/ })).not.toBeInTheDocument()
  })
})
